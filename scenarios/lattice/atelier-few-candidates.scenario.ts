import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { atelierBelowSlotRate } from "./lattice-expectations.ts";

// atelier keeps committing every slot but builds one candidate every other slot (about 0.04/s),
// below the red line of one per 12 s slot (0.083/s) yet far from zero: the page must come from
// the threshold itself, not from a stop that any threshold would catch.
export default defineScenario({
  name: "lattice-atelier-few-candidates",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.atelierFewCandidates({ lattice: "lattice0", perSlot: 0.5 }),
    },
  ],
  expect: [atelierBelowSlotRate(), expectNoOtherAlerts()],
});
