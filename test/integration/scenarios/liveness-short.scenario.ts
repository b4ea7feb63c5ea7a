import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// A short liveness drill for the cleanup tests: a run that must pass after a killed one.
// 8 minutes, because the resolved notification waits for Alertmanager's group_interval (5m).
export default defineScenario({
  name: "liveness-short",
  fleet: { cosmictron: { nodes: 2 } },
  duration: "8m",
  faults: [
    {
      id: "crash",
      at: "30s",
      heal: "2m30s",
      fault: cosmictron.nodeCrash({ node: "cosmictron-1" }),
    },
  ],
  expect: [
    expectAlert("CosmictronNoLiveness")
      .withLabels({ node: "cosmictron-1", severity: "critical" })
      .firesWithin("2m", { after: "crash" })
      .deliveredTo("pager")
      .resolvesWithin("1m"),
    expectNoOtherAlerts(),
  ],
});
