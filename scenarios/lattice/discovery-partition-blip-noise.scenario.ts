import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";

// Noise shorter than the rule's `for`: a 30 s network partition (2m to 2m30s) cuts the first
// member of every organism off, so discovery peers drop on every node, against `for: 1m` on
// LatticeDiscoveryPeersDropped. The alert goes pending and must drop without opening a ticket; a
// rule whose `for` was cut to 20 s or removed would. (No partition keeps every node at 75% of its
// peers, so this rule has no below-the-line twin.) Its twin past the `for` is
// lattice-discovery-partition (six minutes); the one just past it is
// lattice-discovery-partition-just-over-for (2m15s).
export default defineScenario({
  name: "lattice-discovery-partition-blip-noise",
  description: "A 30 s partition, shorter than `for: 1m`; nothing fires.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "5m",
  faults: [
    {
      id: "blip",
      at: "2m",
      heal: "2m30s",
      fault: lattice.discoveryPartition({ lattice: "lattice0", minority: 1 }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
