import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { ONE_MINUTE_WINDOW_CLEARS, redLine } from "./lattice-expectations.ts";

// atelier stops committing candidates, the lattice's primary output: that pages.
export default defineScenario({
  name: "lattice-atelier-below-slot-rate",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.commitStall({ lattice: "lattice0", organism: "atelier" }),
    },
  ],
  expect: [
    redLine(
      "LatticeAtelierCandidatesBelowSlotRate",
      "page",
      { organism: "atelier" },
      { resolves: ONE_MINUTE_WINDOW_CLEARS },
    ),
    expectNoOtherAlerts(),
  ],
});
