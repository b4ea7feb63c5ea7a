import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// atelier's co-building committee disagrees on every slot: investigate immediately.
export default defineScenario({
  name: "lattice-atelier-simulation-divergence",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.atelierDivergence({ lattice: "lattice0", ratio: 1 }),
    },
  ],
  expect: [
    expectAlert("LatticeAtelierSimulationDivergence")
      .withLabels({ organism: "atelier", severity: "investigate" })
      .firesWithin("5m", { after: "fault" })
      .deliveredTo("tickets")
      .resolvesWithin("6m"),
    expectNoOtherAlerts(),
  ],
});
