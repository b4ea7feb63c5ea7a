import { defineScenario, expectNoOtherAlerts } from "firedrill";

// Thirty fleet minutes of normal load: nothing may fire. A rule that pages here pages on a
// healthy fleet.
export default defineScenario({
  name: "cosmictron-baseline",
  description: "Normal load on three Cosmictron nodes for 30 minutes; no alert fires.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "30m",
  faults: [],
  expect: [expectNoOtherAlerts()],
});
