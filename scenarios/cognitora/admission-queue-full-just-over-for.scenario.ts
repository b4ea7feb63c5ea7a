import { cognitora, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// Just longer than `for`: cgn-router-0 refuses a quarter of its requests as queue_full for
// 4m30s. The 2m rate window keeps the refusals in sight until about 1m45s after the heal, so
// CognitoraAdmissionQueueFull is pending for about 6m15s, against its `for: 5m` plus up to a
// 15 s scrape and a 15 s evaluation before it is first seen pending, and the route's 30 s
// group_wait (an alert resolved before its group is first flushed is never sent): about 15 s
// to spare at the worst, so it must page, and a `for: 6m` would not. It fires at most 5m30s
// after the fault, plus the wait for the first refused request and, at 30x on a loaded
// machine, a late scrape or evaluation: CI saw it first pending 44 s after the fault and firing
// 5m48s after it. 6m bounds that and still fails a `for: 6m`, which cannot fire until 6m after
// going pending. Its twin shorter than `for` is cognitora-admission-queue-full-blip-noise (90 s).
export default defineScenario({
  name: "cognitora-admission-queue-full-just-over-for",
  description: "cgn-router-0 refuses queue_full for 4m30s, just longer than `for: 5m`; it pages.",
  fleet: { cognitora: { routers: 2, agents: 3, kvcached: 1 } },
  duration: "12m30s",
  faults: [
    {
      id: "queue",
      at: "1m",
      heal: "5m30s",
      fault: cognitora.admissionQueueFull({ node: "cgn-router-0", rejectRatio: 0.25 }),
    },
  ],
  expect: [
    expectAlert("CognitoraAdmissionQueueFull")
      .withLabels({ node: "cgn-router-0", severity: "critical" })
      .firesWithin("6m", { after: "queue" })
      .deliveredTo("pager")
      .resolvesWithin("2m30s"),
    expectNoOtherAlerts(),
  ],
});
