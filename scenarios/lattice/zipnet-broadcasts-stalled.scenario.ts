import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// zipnet stops committing: no broadcasts appended for three rounds pages.
export default defineScenario({
  name: "lattice-zipnet-broadcasts-stalled",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.commitStall({ lattice: "lattice0", organism: "zipnet" }),
    },
  ],
  expect: [
    expectAlert("LatticeZipnetBroadcastsStalled")
      .withLabels({ organism: "zipnet", severity: "page" })
      .firesWithin("5m", { after: "fault" })
      .deliveredTo("pager")
      .resolvesWithin("6m"),
    // Downstream, atelier misses slots too: the lattice's primary output drops, which pages.
    expectAlert("LatticeAtelierCandidatesBelowSlotRate")
      .withLabels({ organism: "atelier", severity: "page" })
      .firesWithin("5m", { after: "fault" })
      .deliveredTo("pager")
      .resolvesWithin("6m"),
    expectNoOtherAlerts(),
  ],
});
