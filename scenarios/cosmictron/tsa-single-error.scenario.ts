import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// The smallest event that must page: CosmictronTsaFailures is `rate(...[15m]) > 0` with no
// `for`, so one failed timestamp request pages. The authority fails cosmictron-0 for 20 s and the
// node asks it every 15 s: one request fails, two at most. It resolves once that error has left
// the 15m window. It has no twin below the line: no error is the baseline.
export default defineScenario({
  name: "cosmictron-tsa-single-error",
  description: "One timestamp request of cosmictron-0 fails; CosmictronTsaFailures pages.",
  fleet: { cosmictron: { nodes: 2 } },
  duration: "19m",
  faults: [
    {
      id: "tsa",
      at: "1m",
      heal: "1m20s",
      fault: cosmictron.tsaErrors({ node: "cosmictron-0", mode: "error" }),
    },
  ],
  expect: [
    expectAlert("CosmictronTsaFailures")
      .withLabels({ node: "cosmictron-0", severity: "warning" })
      .firesWithin("1m", { after: "tsa" })
      .deliveredTo("tickets")
      .resolvesWithin("16m"),
    expectNoOtherAlerts(),
  ],
});
