import { defineScenario, expectAlert, expectNoOtherAlerts, network } from "firedrill";

// The path to cosmictron-2 is cut (connection refused): to Prometheus that is a dead node.
export default defineScenario({
  name: "network-path-cut",
  description: "The path to cosmictron-2 is cut; the liveness alert pages and resolves.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "14m",
  faults: [
    { id: "path", at: "2m", heal: "6m", fault: network.blackhole({ node: "cosmictron-2" }) },
  ],
  expect: [
    expectAlert("CosmictronNoLiveness")
      .withLabels({ node: "cosmictron-2", severity: "critical" })
      .firesWithin("3m", { after: "path" })
      .deliveredTo("pager")
      .resolvesWithin("2m"),
    expectNoOtherAlerts(),
  ],
});
