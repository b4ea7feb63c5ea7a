import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { redLine } from "./lattice-expectations.ts";

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
    // Any mismatch in the last 2 minutes: it resolves once the last one leaves that window.
    redLine("LatticeRelayOnChainMismatch", "page", { organism: "relay" }, { resolves: "3m" }),
    expectNoOtherAlerts(),
  ],
});
