import { cosmictron, defineScenario, expectNoOtherAlerts } from "firedrill";

// Noise at the boundary: 1.5% of cosmictron-0's reducer calls fail for ten minutes. Its busiest
// reducers make up to about 2.1 calls/s, so their error rates stay under about 0.03/s, well under
// the 0.05/s line of CosmictronHighReducerErrorRate, for longer than its `for: 5m`: nothing may
// fire (at 3% they brush the line and go pending). A rule whose line moved down (0.005/s) would open
// tickets for every reducer. Its twin above the line is cosmictron-reducer-error-burst (30%); its
// twin just above the line is cosmictron-reducer-errors-just-above-line (10%).
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
