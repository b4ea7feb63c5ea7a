import { cognitora, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// cgn-router-0 rejects a quarter of its requests as queue_full. The rejection rate is above 0
// within a scrape; after `for: 5m` CognitoraAdmissionQueueFull (critical) pages.
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
      fault: cognitora.admissionQueueFull({ node: "cgn-router-0", rejectRatio: 0.25 }),
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
