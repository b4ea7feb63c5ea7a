import { defineScenario, dsfb, expectAlert, expectNoOtherAlerts } from "firedrill";

// The smallest event that must page: DsfbResidualsDroppedOutOfWindow is `increase(...[5m]) > 0`
// with no `for`, so any drop pages. For 20 s, 5% of dsfb-0's residual samples (20 a second)
// arrive 15 s late, past the two reorder windows (10 s) after which they are dropped: about 20
// dropped samples (none in a seed has odds of e^-20), against a line of zero. It has no twin
// below the line: no drop is the baseline.
export default defineScenario({
  name: "dsfb-residuals-dropped-smallest-event",
  description: "About 20 residual samples on dsfb-0 are dropped, in one 20 s burst; it pages.",
  fleet: { dsfb: { nodes: 2 } },
  duration: "13m",
  faults: [
    {
      id: "late",
      at: "1m",
      heal: "1m20s",
      fault: dsfb.ingestOutOfWindow({ node: "dsfb-0", share: 0.05, lagSeconds: 15 }),
    },
  ],
  expect: [
    expectAlert("DsfbResidualsDroppedOutOfWindow")
      .withLabels({ node: "dsfb-0", severity: "warning" })
      .firesWithin("1m", { after: "late" })
      .deliveredTo("tickets")
      .resolvesWithin("6m"),
    expectNoOtherAlerts(),
  ],
});
