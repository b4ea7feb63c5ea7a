import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { ONE_MINUTE_WINDOW_CLEARS, redLine } from "./lattice-expectations.ts";

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
    redLine(
      "LatticeAtelierSimulationDivergence",
      "investigate",
      { organism: "atelier" },
      { resolves: ONE_MINUTE_WINDOW_CLEARS },
    ),
    expectNoOtherAlerts(),
  ],
});
