import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// The smallest event that must page: every relayed header misses the chain for 12 s, one slot,
// so relay_on_chain_mismatches_total counts exactly one mismatch. LatticeRelayOnChainMismatch
// ("any non-zero") has no threshold past zero and no `for`: the first evaluation whose 2m
// increase holds it fires, and it stays firing two minutes, past group_wait, so it pages. A rule
// that needed more than one mismatch would not: `increase` extrapolates one to at most about
// 1.14 over 2m of 15 s scrapes, so `> 1` still fires and `> 1.2` does not. There is no twin
// below the line (nothing is smaller than one); the sustained drill is
// lattice-relay-on-chain-mismatch (half the slots).
export default defineScenario({
  name: "lattice-relay-on-chain-mismatch-just-above-line",
  description: "One relayed header misses the chain; the page fires on a single mismatch.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "8m",
  faults: [
    {
      id: "fault",
      at: "1m",
      heal: "1m12s",
      fault: lattice.relayOnChainMismatch({ lattice: "lattice0", ratio: 1 }),
    },
  ],
  expect: [
    // The slot (12 s), a scrape and an evaluation (15 s each) and 8 s of live polling.
    expectAlert("LatticeRelayOnChainMismatch")
      .withLabels({ organism: "relay", severity: "page" })
      .firesWithin("50s", { after: "fault" })
      .deliveredTo("pager")
      .resolvesWithin("3m"),
    expectNoOtherAlerts(),
  ],
});
