import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { redLine } from "./lattice-expectations.ts";

// zipnet server 0 of lattice0 goes down; after `for: 1m` LatticeZipnetServerDown pages.
export default defineScenario({
  name: "lattice-zipnet-server-down",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.zipnetServerDown({ lattice: "lattice0", member: 0 }),
    },
  ],
  expect: [
    redLine("LatticeZipnetServerDown", "page", { organism: "zipnet" }),
    expectNoOtherAlerts(),
  ],
});
