import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { ONE_MINUTE_WINDOW_CLEARS, redLine } from "./lattice-expectations.ts";

// relay's proposer acks come 8 s late, beyond the 4 s slot deadline: that pages.
export default defineScenario({
  name: "lattice-relay-proposer-ack-slow",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.slowCommit({ lattice: "lattice0", organism: "relay", latencySeconds: 8 }),
    },
  ],
  expect: [
    redLine(
      "LatticeRelayProposerAckSlow",
      "page",
      { organism: "relay" },
      { resolves: ONE_MINUTE_WINDOW_CLEARS },
    ),
    expectNoOtherAlerts(),
  ],
});
