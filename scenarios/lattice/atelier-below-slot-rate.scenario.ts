import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// atelier stops committing candidates, the lattice's primary output: that pages.
export default defineScenario({
  name: "lattice-atelier-below-slot-rate",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.commitStall({ lattice: "lattice0", organism: "atelier" }),
    },
  ],
  expect: [
    expectAlert("LatticeAtelierCandidatesBelowSlotRate")
      .withLabels({ organism: "atelier", severity: "page" })
      .firesWithin("5m", { after: "fault" })
      .deliveredTo("pager")
      .resolvesWithin("6m"),
    expectNoOtherAlerts(),
  ],
});
