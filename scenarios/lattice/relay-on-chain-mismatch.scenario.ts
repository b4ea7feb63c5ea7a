import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// Half of relay's accepted headers do not land on-chain: that pages.
export default defineScenario({
  name: "lattice-relay-on-chain-mismatch",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.relayOnChainMismatch({ lattice: "lattice0", ratio: 0.5 }),
    },
  ],
  expect: [
    expectAlert("LatticeRelayOnChainMismatch")
      .withLabels({ organism: "relay", severity: "page" })
      .firesWithin("5m", { after: "fault" })
      .deliveredTo("pager")
      .resolvesWithin("6m"),
    expectNoOtherAlerts(),
  ],
});
