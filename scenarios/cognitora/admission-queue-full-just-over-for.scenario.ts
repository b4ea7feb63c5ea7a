import { cognitora, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// Just longer than `for`: cgn-router-0 refuses a quarter of its requests as queue_full for
// 4m15s. The 2m rate window keeps the refusals in sight until about 1m45s after the heal, so
// CognitoraAdmissionQueueFull is pending for about 6m, against its `for: 5m` plus a 15 s
// evaluation and the route's 30 s group_wait (an alert resolved before its group is first
// flushed is never sent), with about 15 s to spare: it must page. Its twin shorter than `for` is
// cognitora-admission-queue-full-blip-noise (90 s).
export default defineScenario({
  name: "cognitora-admission-queue-full-just-over-for",
  description: "cgn-router-0 refuses queue_full for 4m15s, just longer than `for: 5m`; it pages.",
  fleet: { cognitora: { routers: 2, agents: 3, kvcached: 1 } },
  duration: "12m30s",
  faults: [
    {
      id: "queue",
      at: "1m",
      heal: "5m15s",
      fault: cognitora.admissionQueueFull({ node: "cgn-router-0", rejectRatio: 0.25 }),
    },
  ],
  expect: [
    expectAlert("CognitoraAdmissionQueueFull")
      .withLabels({ node: "cgn-router-0", severity: "critical" })
      .firesWithin("5m30s", { after: "queue" })
      .deliveredTo("pager")
      .resolvesWithin("2m30s"),
    expectNoOtherAlerts(),
  ],
});
