import { defineScenario, dsfb, expectNoOtherAlerts } from "firedrill";

// Noise at the boundary: dsfb-1's observer weights drift by 0.007, so every episode closes with
// a trust-sum between 1.005 and 1.009 (normal sums lie within 1 ± 0.002), inside
// DsfbTrustSumOutOfRange's [0.99, 1.01] for seven minutes, longer than the episodes take to close
// and its `for: 2m`: nothing may fire. A rule whose upper line moved down (to 1.005 or to 0.101)
// would open tickets. Every motif closes an episode by t=4m10s: at +0.012 all five go pending by
// then and fire by t=6m10s. Its twin outside the range is dsfb-trust-sum-drift (+0.05); its
// twin just over the line is dsfb-trust-sum-just-above-line (+0.013).
export default defineScenario({
  name: "dsfb-trust-sum-below-line-noise",
  description: "The trust-sum drifts to about 1.007 on dsfb-1, inside [0.99, 1.01]; nothing fires.",
  fleet: { dsfb: { nodes: 2 } },
  duration: "11m",
  faults: [
    {
      id: "drift",
      at: "2m",
      heal: "9m",
      fault: dsfb.observerTrustDrift({ node: "dsfb-1", offset: 0.007 }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
