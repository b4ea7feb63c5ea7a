import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// zipnet rounds commit 30 s late, beyond the 12 s round period: the P95 over 1m pages.
export default defineScenario({
  name: "lattice-zipnet-round-commit-slow",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.slowCommit({ lattice: "lattice0", organism: "zipnet", latencySeconds: 30 }),
    },
  ],
  expect: [
    expectAlert("LatticeZipnetRoundCommitSlow")
      .withLabels({ organism: "zipnet", severity: "page" })
      .firesWithin("5m", { after: "fault" })
      .deliveredTo("pager")
      .resolvesWithin("6m"),
    // Rounds 30 s late mean no broadcast appended for three rounds: that pages too.
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
