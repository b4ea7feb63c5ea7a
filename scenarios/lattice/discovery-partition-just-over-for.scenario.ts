import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// Just longer than `for`: a network partition cuts the first member of every organism off for
// 2m15s (1m to 3m15s), against LatticeDiscoveryPeersDropped's `for: 1m`. discovery_peers_total
// drops on every node within the 1 s Raft tick (5 or 11 peers of 17, under 75%); the first scrape
// to see it comes within 15 s and the first evaluation within 15 s more, so it fires at most
// 1m31s in; Alertmanager then holds a new group for group_wait (30 s), and the ticket only opens
// if the alert is still firing then (one resolved first is never sent): 2m01s at worst, plus
// 14 s to spare. A `for` grown to 1m50s fires after the 1m45s allowed. Its twin shorter than
// `for` is lattice-discovery-partition-blip-noise (30 s); the long one is
// lattice-discovery-partition (six minutes).
export default defineScenario({
  name: "lattice-discovery-partition-just-over-for",
  description: "A 2m15s partition, just longer than `for: 1m`; the ticket opens.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "9m",
  faults: [
    {
      id: "fault",
      at: "1m",
      heal: "3m15s",
      fault: lattice.discoveryPartition({ lattice: "lattice0", minority: 1 }),
    },
  ],
  expect: [
    // for + a scrape + an evaluation + the tick is 1m31s; live polling may see it up to 8 s late.
    expectAlert("LatticeDiscoveryPeersDropped")
      .withLabels({ severity: "investigate" })
      .firesWithin("1m45s", { after: "fault" })
      .deliveredTo("tickets")
      .resolvesWithin("1m"),
    expectNoOtherAlerts(),
  ],
});
