import { defineScenario, expectAlert, lattice } from "firedrill";

// Noise at the boundary: the chain RPC tally reads lags 15 s for ten minutes, under the page's
// 30-second line, so LatticeTallyChainRpcLag must not open a ticket — a rule whose line moved
// down would. The gauge reads the head's age, which adds up to a block (12 s) to the lag by when
// in the block tally reads it: 15 s reads 15–27 s. (At 20 s it read up to 32 s, and a live run
// whose reads fell late in each block opened the ticket.) Its twin above the line is
// lattice-tally-chain-rpc-lag (60 s). Attestations wait on the stale head, so their P95 may
// cross the 24 s line (LatticeTallyAttestationSlow is free to fire): the claim here is the RPC
// lag rule's alone. Its twin just above the line is lattice-tally-chain-rpc-lag-just-above-line
// (31 s).
export default defineScenario({
  name: "lattice-tally-chain-rpc-lag-below-line-noise",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "14m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "12m",
      fault: lattice.tallyChainRpcLag({ lattice: "lattice0", seconds: 15 }),
    },
  ],
  expect: [expectAlert("LatticeTallyChainRpcLag").neverFires()],
});
