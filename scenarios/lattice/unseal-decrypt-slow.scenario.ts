import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// unseal decrypts 30 s late, beyond the 12 s slot: its P95 over 1m pages.
export default defineScenario({
  name: "lattice-unseal-decrypt-slow",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.slowCommit({ lattice: "lattice0", organism: "unseal", latencySeconds: 30 }),
    },
  ],
  expect: [
    expectAlert("LatticeUnsealDecryptSlow")
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
