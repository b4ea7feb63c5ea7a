import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { ONE_MINUTE_WINDOW_CLEARS, redLine } from "./lattice-expectations.ts";

// The boundary, from above: offer's auctions commit in about 5 s (±10%, observed ±5% on each
// member: 4.3–5.8 s), just over the 4 s auction window LatticeOfferAuctionCommitSlow's P95 is
// held to. Every observation lands in the (4, 8] bucket, so once the 1m window holds them the
// P95 reads 7.8 s and, after `for: 1m`, it opens a ticket. The line's resolution is the buckets':
// a line moved anywhere inside (4, 7.8) still reads over it; one at the next bound, 8, does not.
// Offer's budget is the 12 s slot, so it misses no slot and nothing else fires. No drill sits
// just under this line.
export default defineScenario({
  name: "lattice-offer-auction-commit-slow-just-above-line",
  description: "offer's auctions commit in 5 s, just over the 4 s line; the P95 opens a ticket.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "9m",
  faults: [
    {
      id: "fault",
      at: "1m",
      heal: "3m15s",
      fault: lattice.slowCommit({ lattice: "lattice0", organism: "offer", latencySeconds: 5 }),
    },
  ],
  expect: [
    redLine(
      "LatticeOfferAuctionCommitSlow",
      "investigate",
      { organism: "offer" },
      { fires: "2m", resolves: ONE_MINUTE_WINDOW_CLEARS },
    ),
    expectNoOtherAlerts(),
  ],
});
