import { cosmictron, defineScenario, expectNoOtherAlerts } from "firedrill";

// Noise at the boundary: 1.5% of cosmictron-0's reducer calls fail for ten minutes. Its busiest
// reducer makes about 1.7 calls/s, so its error rate sits near 0.025/s, half the 0.05/s line of
// CosmictronHighReducerErrorRate, longer than its `for: 5m`: nothing may fire (at 3% that
// reducer brushes the line and goes pending). A rule whose line moved down (0.005/s) would open
// tickets for every reducer. Its twin above the line is cosmictron-reducer-error-burst (30%); its
// twin just above the line is cosmictron-reducer-errors-just-above-line (6%).
export default defineScenario({
  name: "cosmictron-reducer-errors-below-line-noise",
  description: "1.5% of cosmictron-0's reducer calls fail, under the 0.05/s line; nothing fires.",
  fleet: { cosmictron: { nodes: 2 } },
  duration: "14m",
  faults: [
    {
      id: "errors",
      at: "2m",
      heal: "12m",
      fault: cosmictron.reducerErrorBurst({ node: "cosmictron-0", errorRatio: 0.015 }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
