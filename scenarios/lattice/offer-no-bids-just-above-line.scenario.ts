import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// The boundary, from above: offer's mempool goes quiet for 168 s (1m to 3m48s), fourteen slots
// without a bid against LatticeOfferNoBids' ten (its 2m window). Bids land once a slot, so they
// are then 180 s apart: from at most 2m15s after the last bid before the gap (2m after the last
// scrape before it, rounded up to an evaluation) until the first scrape after the next, at least
// 45 s, the window holds no increase. That outlasts Alertmanager's 30 s group_wait by more than an
// evaluation, so the ticket must leave. Exactly ten quiet slots fire for one or two evaluations
// and can resolve before group_wait ends: no ticket. (Thirteen leave 3 s to spare.) Nothing else
// depends on bids. No drill sits just under this line.
export default defineScenario({
  name: "lattice-offer-no-bids-just-above-line",
  description: "offer gets no bids for 14 slots, past the 10-slot line; the alert opens a ticket.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "10m",
  faults: [
    {
      id: "fault",
      at: "1m",
      heal: "3m48s",
      fault: lattice.offerQuietMempool({ lattice: "lattice0" }),
    },
  ],
  expect: [
    expectAlert("LatticeOfferNoBids")
      .withLabels({ organism: "offer", severity: "investigate" })
      .firesWithin("3m", { after: "fault" })
      .deliveredTo("tickets")
      .resolvesWithin("1m"),
    expectNoOtherAlerts(),
  ],
});
