import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { ONE_MINUTE_WINDOW_CLEARS, redLine } from "./lattice-expectations.ts";

// offer's auctions commit beyond the 4 s window: investigate, not page.
export default defineScenario({
  name: "lattice-offer-auction-commit-slow",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.slowCommit({ lattice: "lattice0", organism: "offer", latencySeconds: 8 }),
    },
  ],
  expect: [
    redLine(
      "LatticeOfferAuctionCommitSlow",
      "investigate",
      { organism: "offer" },
      { resolves: ONE_MINUTE_WINDOW_CLEARS },
    ),
    expectNoOtherAlerts(),
  ],
});
