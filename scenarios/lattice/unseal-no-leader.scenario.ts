import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

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
    expectAlert("LatticeOrganismNoLeader")
      .withLabels({ organism: "unseal", severity: "page" })
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
