import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// One node's process stops answering (listener closed). `up` drops to 0 at the next scrape and
// after `for: 1m` the liveness alert pages. The node comes back at the heal and the alert resolves.
export default defineScenario({
  name: "cosmictron-node-crash",
  description: "cosmictron-2 crashes; the liveness alert pages the pager and resolves on restart.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "12m",
  faults: [
    { id: "crash", at: "2m", heal: "6m", fault: cosmictron.nodeCrash({ node: "cosmictron-2" }) },
  ],
  expect: [
    expectAlert("CosmictronNoLiveness")
      .withLabels({ node: "cosmictron-2", severity: "critical" })
      .firesWithin("2m", { after: "crash" })
      .deliveredTo("pager")
      .resolvesWithin("1m"),
    expectNoOtherAlerts(),
  ],
});
