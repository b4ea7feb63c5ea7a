import { defineScenario, dsfb, expectAlert, expectNoOtherAlerts } from "firedrill";

// dsfb-1's observer weights drift by 0.05, so every episode closes with a trust-sum near 1.05,
// outside [0.99, 1.01]; after `for: 2m` DsfbTrustSumOutOfRange (warning) fires per motif. It
// resolves per motif when that motif's next episode closes in range.
export default defineScenario({
  name: "dsfb-trust-sum-drift",
  description: "The trust-sum drifts on dsfb-1; DsfbTrustSumOutOfRange fires and resolves.",
  fleet: { dsfb: { nodes: 2 } },
  duration: "24m",
  faults: [
    {
      id: "drift",
      at: "2m",
      heal: "9m",
      fault: dsfb.observerTrustDrift({ node: "dsfb-1", offset: 0.05 }),
    },
  ],
  expect: [
    expectAlert("DsfbTrustSumOutOfRange")
      .withLabels({ node: "dsfb-1", severity: "warning" })
      .firesWithin("6m", { after: "drift" })
      .deliveredTo("tickets")
      .resolvesWithin("8m"),
    expectNoOtherAlerts(),
  ],
});
