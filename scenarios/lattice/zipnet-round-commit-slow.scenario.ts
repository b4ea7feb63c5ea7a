import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import {
  atelierMissesSlots,
  BROADCAST_WINDOWS,
  ONE_MINUTE_WINDOW_CLEARS,
  redLine,
} from "./lattice-expectations.ts";

// zipnet rounds commit 30 s late, beyond the 12 s round period: the P95 over 1m pages.
export default defineScenario({
  name: "lattice-zipnet-round-commit-slow",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.slowCommit({ lattice: "lattice0", organism: "zipnet", latencySeconds: 30 }),
    },
  ],
  expect: [
    redLine(
      "LatticeZipnetRoundCommitSlow",
      "page",
      { organism: "zipnet" },
      { resolves: ONE_MINUTE_WINDOW_CLEARS },
    ),
    // Rounds 30 s late mean no broadcast appended for three rounds: that pages too.
    redLine("LatticeZipnetBroadcastsStalled", "page", { organism: "zipnet" }, BROADCAST_WINDOWS),
    atelierMissesSlots(),
    expectNoOtherAlerts(),
  ],
});
