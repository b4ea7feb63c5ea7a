import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { atelierMissesSlots, redLine } from "./lattice-expectations.ts";

// unseal elects no leader: after 30 s without one, LatticeOrganismNoLeader pages (instead of any leader-change alert).
export default defineScenario({
  name: "lattice-unseal-no-leader",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.raftNoLeader({ lattice: "lattice0", organism: "unseal" }),
    },
  ],
  expect: [
    redLine("LatticeOrganismNoLeader", "page", { organism: "unseal" }),
    atelierMissesSlots(),
    expectNoOtherAlerts(),
  ],
});
