import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// The timestamp authority answers 500 for four minutes. Any TSA error in 15 minutes fires the
// alert (no `for`); it resolves once the last error has left the 15m window.
export default defineScenario({
  name: "cosmictron-tsa-errors",
  description:
    "The timestamp authority fails for cosmictron-0; TSA failures alert fires and resolves.",
  fleet: { cosmictron: { nodes: 2 } },
  duration: "30m",
  faults: [
    {
      id: "tsa",
      at: "2m",
      heal: "6m",
      fault: cosmictron.tsaErrors({ node: "cosmictron-0", mode: "error" }),
    },
  ],
  expect: [
    expectAlert("CosmictronTsaFailures")
      .withLabels({ node: "cosmictron-0", severity: "warning" })
      .firesWithin("2m", { after: "tsa" })
      .deliveredTo("tickets")
      .resolvesWithin("17m"),
    expectNoOtherAlerts(),
  ],
});
