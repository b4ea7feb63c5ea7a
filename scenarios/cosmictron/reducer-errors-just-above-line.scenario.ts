import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// The boundary, from above: 6% of cosmictron-0's reducer calls fail. Its busiest reducer makes
// about 1.7 calls/s, so its error rate sits near 0.1/s, just over CosmictronHighReducerErrorRate's
// 0.05/s line by more than the spread of a 5m window's count (about 30 errors, ±6), and after
// `for: 5m` it opens a ticket (at 3% that reducer only brushes the line). Its twin under the line
// is cosmictron-reducer-errors-below-line-noise (1.5%).
export default defineScenario({
  name: "cosmictron-reducer-errors-just-above-line",
  description: "6% of cosmictron-0's reducer calls fail, just over the 0.05/s line; it pages.",
  fleet: { cosmictron: { nodes: 2 } },
  duration: "18m",
  faults: [
    {
      id: "errors",
      at: "1m",
      heal: "11m",
      fault: cosmictron.reducerErrorBurst({ node: "cosmictron-0", errorRatio: 0.06 }),
    },
  ],
  expect: [
    expectAlert("CosmictronHighReducerErrorRate")
      .withLabels({ node: "cosmictron-0", severity: "warning" })
      .firesWithin("10m", { after: "errors" })
      .deliveredTo("tickets")
      .resolvesWithin("5m"),
    expectNoOtherAlerts(),
  ],
});
