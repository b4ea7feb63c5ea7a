import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { atelierBelowSlotRate } from "./lattice-expectations.ts";

// atelier stops committing candidates, the lattice's primary output: that pages. Normally about
// four candidates a slot (0.33/s, four times the line of one per 12 s slot): the 1m window reads
// under the line once it holds little more than the stall, 45 s–1m in (pending), and after
// `for: 1m` it pages 1m45s–2m after the fault (seeds 42–46), inside ONE_MINUTE_WINDOW_FIRES (3m:
// window, for, a scrape and an evaluation, and as much again for a live run). A `[3m]` window
// must shed 2m15s of normal slots first: pending at 2m19s, firing at 3m19s, late.
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
  expect: [atelierBelowSlotRate(), expectNoOtherAlerts()],
});
