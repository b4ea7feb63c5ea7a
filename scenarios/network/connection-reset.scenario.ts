import { defineScenario, expectAlert, expectNoOtherAlerts, network } from "firedrill";

// Every connection to cosmictron-0 is reset: scrapes fail and the liveness alert pages.
export default defineScenario({
  name: "network-connection-reset",
  description: "Connections to cosmictron-0 are reset; the liveness alert pages and resolves.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "14m",
  faults: [{ id: "path", at: "2m", heal: "6m", fault: network.reset({ node: "cosmictron-0" }) }],
  expect: [
    expectAlert("CosmictronNoLiveness")
      .withLabels({ node: "cosmictron-0", severity: "critical" })
      .firesWithin("3m", { after: "path" })
      .deliveredTo("pager")
      .resolvesWithin("2m"),
    expectNoOtherAlerts(),
  ],
});
