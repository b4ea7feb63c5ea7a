import { defineScenario, expectAlert, expectNoOtherAlerts, network } from "firedrill";

// The path to cosmictron-1 swallows every scrape: each one times out, `up` is 0, and after
// `for: 1m` the liveness alert pages although the node itself is fine.
export default defineScenario({
  name: "network-scrape-timeout",
  description:
    "Scrapes of cosmictron-1 time out on the way; the liveness alert pages and resolves.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "14m",
  faults: [{ id: "path", at: "2m", heal: "6m", fault: network.timeout({ node: "cosmictron-1" }) }],
  expect: [
    expectAlert("CosmictronNoLiveness")
      .withLabels({ node: "cosmictron-1", severity: "critical" })
      .firesWithin("3m", { after: "path" })
      .deliveredTo("pager")
      .resolvesWithin("2m"),
    expectNoOtherAlerts(),
  ],
});
