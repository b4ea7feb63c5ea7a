import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { ONE_MINUTE_WINDOW_CLEARS, redLine } from "./lattice-expectations.ts";

// The chain RPC tally reads lags 60 s: RPC lag above 30 s and slow attestations, both investigate.
export default defineScenario({
  name: "lattice-tally-chain-rpc-lag",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.tallyChainRpcLag({ lattice: "lattice0", seconds: 60 }),
    },
  ],
  expect: [
    redLine("LatticeTallyChainRpcLag", "investigate", { organism: "tally" }),
    redLine(
      "LatticeTallyAttestationSlow",
      "investigate",
      { organism: "tally" },
      { resolves: ONE_MINUTE_WINDOW_CLEARS },
    ),
    expectNoOtherAlerts(),
  ],
});
