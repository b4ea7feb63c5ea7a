import { defineScenario, dsfb, expectAlert, expectNoOtherAlerts } from "firedrill";

// The other side of DsfbTrustSumOutOfRange (`< 0.99 or > 1.01`): dsfb-0's observer weights lose
// 0.05, so every episode closes with a trust-sum near 0.95. The upward drift scenario alone would
// let a broken `< 0.99` go unnoticed (firedrill mutate found that survivor).
export default defineScenario({
  name: "dsfb-trust-sum-drift-low",
  description:
    "The trust-sum sinks below 0.99 on dsfb-0; DsfbTrustSumOutOfRange fires and resolves.",
  fleet: { dsfb: { nodes: 2 } },
  duration: "24m",
  faults: [
    {
      id: "sink",
      at: "2m",
      heal: "9m",
      fault: dsfb.observerTrustDrift({ node: "dsfb-0", offset: -0.05 }),
    },
  ],
  expect: [
    expectAlert("DsfbTrustSumOutOfRange")
      .withLabels({ node: "dsfb-0", severity: "warning" })
      .firesWithin("6m", { after: "sink" })
      .deliveredTo("tickets")
      .resolvesWithin("8m"),
    expectNoOtherAlerts(),
  ],
});
