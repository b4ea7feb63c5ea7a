import { cognitora, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// A traffic surge (25x) through cgn-router-0: arrivals times each request's seconds of work
// outgrow its admission queue's 128 slots, and it refuses about half of its requests as
// queue_full. The rejection rate is above 0 within a scrape; after `for: 5m` CognitoraAdmissionQueueFull (critical) pages.
export default defineScenario({
  name: "cognitora-admission-queue-full",
  description:
    "cgn-router-0's admission queue is full; CognitoraAdmissionQueueFull pages and resolves.",
  fleet: { cognitora: { routers: 2, agents: 3, kvcached: 1 } },
  duration: "19m",
  faults: [
    {
      id: "queue",
      at: "2m",
      heal: "10m",
      fault: cognitora.admissionQueueFull({ node: "cgn-router-0" }),
    },
  ],
  expect: [
    expectAlert("CognitoraAdmissionQueueFull")
      .withLabels({ node: "cgn-router-0", severity: "critical" })
      .firesWithin("7m", { after: "queue" })
      .deliveredTo("pager")
      .resolvesWithin("3m"),
    expectNoOtherAlerts(),
  ],
});
