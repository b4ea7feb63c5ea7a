import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";

// Noise at the boundary: the chain RPC tally reads lags 10 s for five minutes. The head tally
// sees is then 10–22 s old (blocks are 12 s), which adds at most 16 s to an attestation capped
// at 8 s: every attestation lands at or under the 24 s bucket bound, so the 1m P95 stays at or
// under LatticeTallyAttestationSlow's 24 s line (2 × block time) and must not open a ticket — a
// rule whose line moved down would. The RPC lag stays under its own 30 s line, so nothing else
// fires either. Its twin above the line is lattice-tally-chain-rpc-lag (60 s); the one just
// above is lattice-tally-chain-rpc-lag-just-above-line (31 s).
export default defineScenario({
  name: "lattice-tally-attestation-slow-below-line-noise",
  description: "tally's chain RPC lags 10 s; attestations stay under the 24 s line; nothing fires.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "10m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "7m",
      fault: lattice.tallyChainRpcLag({ lattice: "lattice0", seconds: 10 }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
