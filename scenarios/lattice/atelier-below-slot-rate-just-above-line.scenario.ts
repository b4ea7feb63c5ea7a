import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { atelierBelowSlotRate } from "./lattice-expectations.ts";

// The boundary, from above: atelier commits every slot but builds 0.75 candidates per slot, spread
// evenly (three in every four slots), 0.0625/s against LatticeAtelierCandidatesBelowSlotRate's
// line of one per 12 s slot (0.083/s). A 1m window holds four 15 s scrapes 45 s apart, so at most
// four slots and three candidates, extrapolated to at most 4 per minute (0.067/s): under the line
// at every evaluation once the window has cleared the normal slots, so after `for: 1m` it pages.
// (0.8 per slot would read 5.3 per minute in some windows, over the line.) A line moved under
// 0.0625/s reads 0.067/s over it in most windows and does not page. No drill sits just under
// this line.
export default defineScenario({
  name: "lattice-atelier-below-slot-rate-just-above-line",
  description: "atelier builds 0.75 candidates per slot, just under one per slot; it pages.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "10m",
  faults: [
    {
      id: "fault",
      at: "1m",
      heal: "4m",
      fault: lattice.atelierFewCandidates({ lattice: "lattice0", perSlot: 0.75 }),
    },
  ],
  expect: [atelierBelowSlotRate(), expectNoOtherAlerts()],
});
