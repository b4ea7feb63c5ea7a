import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// A quiet mempool: offer gets no bids for 10 slots. The page says investigate, since it can be legitimate.
export default defineScenario({
  name: "lattice-offer-no-bids",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.offerQuietMempool({ lattice: "lattice0" }),
    },
  ],
  expect: [
    expectAlert("LatticeOfferNoBids")
      .withLabels({ organism: "offer", severity: "investigate" })
      .firesWithin("5m", { after: "fault" })
      .deliveredTo("tickets")
      .resolvesWithin("6m"),
    expectNoOtherAlerts(),
  ],
});
