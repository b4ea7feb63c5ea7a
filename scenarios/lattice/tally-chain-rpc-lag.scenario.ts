import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

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
    expectAlert("LatticeTallyChainRpcLag")
      .withLabels({ organism: "tally", severity: "investigate" })
      .firesWithin("5m", { after: "fault" })
      .deliveredTo("tickets")
      .resolvesWithin("6m"),
    expectAlert("LatticeTallyAttestationSlow")
      .withLabels({ organism: "tally", severity: "investigate" })
      .firesWithin("5m", { after: "fault" })
      .deliveredTo("tickets")
      .resolvesWithin("6m"),
    expectNoOtherAlerts(),
  ],
});
