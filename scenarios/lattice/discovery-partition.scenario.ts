import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { redLine } from "./lattice-expectations.ts";

// A network partition cuts one host off: discovery peers drop, investigate.
export default defineScenario({
  name: "lattice-discovery-partition",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.discoveryPartition({ lattice: "lattice0", minority: 1 }),
    },
  ],
  expect: [redLine("LatticeDiscoveryPeersDropped", "investigate"), expectNoOtherAlerts()],
});
