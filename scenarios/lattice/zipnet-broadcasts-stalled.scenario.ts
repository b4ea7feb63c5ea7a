import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { atelierMissesSlots, BROADCAST_WINDOWS, redLine } from "./lattice-expectations.ts";

// zipnet stops committing: no broadcasts appended for three rounds pages.
export default defineScenario({
  name: "lattice-zipnet-broadcasts-stalled",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.commitStall({ lattice: "lattice0", organism: "zipnet" }),
    },
  ],
  expect: [
    redLine("LatticeZipnetBroadcastsStalled", "page", { organism: "zipnet" }, BROADCAST_WINDOWS),
    atelierMissesSlots(),
    expectNoOtherAlerts(),
  ],
});
