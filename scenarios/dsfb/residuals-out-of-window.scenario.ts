import { defineScenario, dsfb, expectAlert, expectNoOtherAlerts } from "firedrill";

// A fifth of dsfb-0's residual samples arrive 30 s late, more than the 5 s reorder window: they
// are dropped and counted, and DsfbResidualsDroppedOutOfWindow (warning, no `for`) fires within a
// minute. After the heal the last late samples arrive and the 5m window empties.
export default defineScenario({
  name: "dsfb-residuals-out-of-window",
  description:
    "Late residuals on dsfb-0 are dropped; the dropped-samples alert fires and resolves.",
  fleet: { dsfb: { nodes: 2 } },
  duration: "20m",
  faults: [
    {
      id: "late",
      at: "2m",
      heal: "6m",
      fault: dsfb.ingestOutOfWindow({ node: "dsfb-0", share: 0.2, lagSeconds: 30 }),
    },
  ],
  expect: [
    expectAlert("DsfbResidualsDroppedOutOfWindow")
      .withLabels({ node: "dsfb-0", severity: "warning" })
      .firesWithin("3m", { after: "late" })
      .deliveredTo("tickets")
      .resolvesWithin("8m"),
    expectNoOtherAlerts(),
  ],
});
