import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// The boundary, from above: 10% of cosmictron-0's reducer calls fail. The node makes 8-15
// calls/s over 9-12 reducers weighted 1-2.5, so each reducer makes about 0.45-2.1 calls/s and
// fails 0.045-0.21 times a second: the busiest reducers sit two to four times over
// CosmictronHighReducerErrorRate's 0.05/s line, well clear of the spread of a 5m window's count,
// go pending first and, after `for: 5m`, open a ticket; the quietest brush the line and may
// flap, as they would in production. (At 6%, most reducers sat on the line and the first to fire
// was whichever flapped longest: in CI one fired for 16 s and was never sent.) It resolves about
// 3m after the heal, once the 5m window holds fewer than 15 errors, and its resolved ticket
// leaves at the group's next flush, up to group_interval (5m) later: hence 22m. Its twin under
// the line is cosmictron-reducer-errors-below-line-noise (1.5%, at most 0.03/s).
export default defineScenario({
  name: "cosmictron-reducer-errors-just-above-line",
  description:
    "10% of cosmictron-0's reducer calls fail, its busiest reducers over the 0.05/s line; it pages.",
  fleet: { cosmictron: { nodes: 2 } },
  duration: "22m",
  faults: [
    {
      id: "errors",
      at: "1m",
      heal: "11m",
      fault: cosmictron.reducerErrorBurst({ node: "cosmictron-0", errorRatio: 0.1 }),
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
