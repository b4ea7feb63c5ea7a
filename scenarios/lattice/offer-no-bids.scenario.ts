import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { redLine } from "./lattice-expectations.ts";

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
    redLine("LatticeOfferNoBids", "investigate", { organism: "offer" }),
    expectNoOtherAlerts(),
  ],
});
