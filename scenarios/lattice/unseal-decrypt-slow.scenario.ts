import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { atelierMissesSlots, ONE_MINUTE_WINDOW_CLEARS, redLine } from "./lattice-expectations.ts";

// unseal decrypts 30 s late, beyond the 12 s slot: its P95 over 1m pages.
export default defineScenario({
  name: "lattice-unseal-decrypt-slow",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.slowCommit({ lattice: "lattice0", organism: "unseal", latencySeconds: 30 }),
    },
  ],
  expect: [
    redLine(
      "LatticeUnsealDecryptSlow",
      "page",
      { organism: "unseal" },
      { resolves: ONE_MINUTE_WINDOW_CLEARS },
    ),
    atelierMissesSlots(),
    expectNoOtherAlerts(),
  ],
});
