import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

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
  expect: [
    expectAlert("LatticeDiscoveryPeersDropped")
      .withLabels({ severity: "investigate" })
      .firesWithin("5m", { after: "fault" })
      .deliveredTo("tickets")
      .resolvesWithin("6m"),
    expectNoOtherAlerts(),
  ],
});
