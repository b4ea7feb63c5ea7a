import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// A third of cosmictron-0's reducer calls fail. Each reducer's error rate crosses 0.05/s within
// a couple of minutes; after `for: 5m` CosmictronHighReducerErrorRate (warning) fires for the
// busy reducers and opens a ticket. After the heal the 5m rate falls back under the line.
export default defineScenario({
  name: "cosmictron-reducer-error-burst",
  description: "Reducer errors burst on cosmictron-0; the error-rate alert tickets and resolves.",
  fleet: { cosmictron: { nodes: 2 } },
  duration: "26m",
  faults: [
    {
      id: "errors",
      at: "2m",
      heal: "12m",
      fault: cosmictron.reducerErrorBurst({ node: "cosmictron-0", errorRatio: 0.3 }),
    },
  ],
  expect: [
    expectAlert("CosmictronHighReducerErrorRate")
      .withLabels({ node: "cosmictron-0", severity: "warning" })
      .firesWithin("9m", { after: "errors" })
      .deliveredTo("tickets")
      .resolvesWithin("7m"),
    expectNoOtherAlerts(),
  ],
});
