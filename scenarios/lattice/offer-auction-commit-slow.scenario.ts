import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

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
    expectAlert("LatticeOfferAuctionCommitSlow")
      .withLabels({ organism: "offer", severity: "investigate" })
      .firesWithin("5m", { after: "fault" })
      .deliveredTo("tickets")
      .resolvesWithin("6m"),
    expectNoOtherAlerts(),
  ],
});
