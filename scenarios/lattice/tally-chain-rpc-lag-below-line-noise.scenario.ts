import { defineScenario, expectAlert, lattice } from "firedrill";

// Noise at the boundary: the chain RPC tally reads lags 20 s for ten minutes, under the page's
// 30-second line, so LatticeTallyChainRpcLag must not open a ticket — a rule whose line moved
// down would. Its twin above the line is lattice-tally-chain-rpc-lag (60 s). Attestations wait
// on the stale head, so at 20 s their P95 may cross the 24 s line (LatticeTallyAttestationSlow
// is free to fire): the claim here is the RPC lag rule's alone. Its twin just above the line is
// lattice-tally-chain-rpc-lag-just-above-line (31 s).
export default defineScenario({
  name: "lattice-tally-chain-rpc-lag-below-line-noise",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "14m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "12m",
      fault: lattice.tallyChainRpcLag({ lattice: "lattice0", seconds: 20 }),
    },
  ],
  expect: [expectAlert("LatticeTallyChainRpcLag").neverFires()],
});
