import { cognitora, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// Just longer than `for`: a 5m traffic surge (25x) through cgn-router-0 outgrows its admission
// queue, which refuses about half of its requests as queue_full from a few seconds into the
// surge to a few seconds after it (arrivals are counted over 10 s).
// The 2m rate window keeps the refusals in sight until about 1m45s after the heal, so
// CognitoraAdmissionQueueFull is pending for about 6m45s, against its `for: 5m` plus the wait
// before it is first seen pending, and the route's 30 s group_wait (an alert resolved before its
// group is first flushed is never sent). That wait is a 15 s scrape and a 15 s evaluation at most
// in virtual time, but at 30x on a loaded machine CI saw 44 s and 53 s, and with 4m30s of
// refusals the second left a firing of 17 s that was never sent: 5m leaves about 45 s to spare
// past the worst seen. It fires at most 5m30s after the fault plus that wait (CI saw 5m48s): 6m
// bounds it and still fails a `for: 6m`, which cannot fire until 6m after going pending. Its
// twin shorter than `for` is cognitora-admission-queue-full-blip-noise (90 s).
export default defineScenario({
  name: "cognitora-admission-queue-full-just-over-for",
  description: "cgn-router-0 refuses queue_full for 5m, just longer than `for: 5m`; it pages.",
  fleet: { cognitora: { routers: 2, agents: 3, kvcached: 1 } },
  duration: "13m30s",
  faults: [
    {
      id: "queue",
      at: "1m",
      heal: "6m",
      fault: cognitora.admissionQueueFull({ node: "cgn-router-0" }),
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
