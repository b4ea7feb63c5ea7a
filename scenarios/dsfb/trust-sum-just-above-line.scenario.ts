import { defineScenario, dsfb, expectAlert, expectNoOtherAlerts } from "firedrill";

// The boundary, from above: dsfb-1's observer weights drift by 0.013, so every episode closes
// with a trust-sum between 1.011 and 1.015 (normal sums lie within 1 ± 0.002), just over
// DsfbTrustSumOutOfRange's upper line 1.01. Every motif closes an episode within about 2m10s of
// the drift and holds its gauge until the next, so each goes pending and, after `for: 2m`, opens
// a ticket. Its twin inside the range is dsfb-trust-sum-below-line-noise (+0.007).
export default defineScenario({
  name: "dsfb-trust-sum-just-above-line",
  description: "The trust-sum drifts to about 1.013 on dsfb-1, just over 1.01; it pages.",
  fleet: { dsfb: { nodes: 2 } },
  duration: "16m",
  faults: [
    {
      id: "drift",
      at: "1m",
      heal: "6m",
      fault: dsfb.observerTrustDrift({ node: "dsfb-1", offset: 0.013 }),
    },
  ],
  expect: [
    expectAlert("DsfbTrustSumOutOfRange")
      .withLabels({ node: "dsfb-1", severity: "warning" })
      .firesWithin("5m", { after: "drift" })
      .deliveredTo("tickets")
      .resolvesWithin("8m"),
    expectNoOtherAlerts(),
  ],
});
