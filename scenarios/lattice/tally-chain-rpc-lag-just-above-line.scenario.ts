import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";
import { ONE_MINUTE_WINDOW_CLEARS } from "./lattice-expectations.ts";

// The boundary, from above, for both of tally's lines: the chain RPC serves a head 31 s old for
// 2m20s. tally reads the head every 12 s and publishes its age, never less than the lag (the head
// is the block of 31 s ago, plus its read phase: 31–43 s), so tally_chain_rpc_lag_seconds is over
// LatticeTallyChainRpcLag's 30 s line on every read and, after `for: 1m`, it opens a ticket. An
// attestation waits for the head less 6 s: at least 25 s plus its own work (median 3 s), less 5%
// of noise, so every one lands over the 24 s bound and LatticeTallyAttestationSlow's 1m P95 is
// over its 2 × block-time line too. The two lines meet here: no RPC lag under 30 s keeps every
// seed's attestations over 24 s, so this one drill is the twin above both. Its twins below are
// lattice-tally-chain-rpc-lag-below-line-noise (20 s) and
// lattice-tally-attestation-slow-below-line-noise (10 s). The gauge reads up to 12 s over the lag
// and the histogram's buckets are (24, 30] and (30, 60], so a line must move past 43 s (RPC lag) or
// to 60 s (P95) before this drill fails.
export default defineScenario({
  name: "lattice-tally-chain-rpc-lag-just-above-line",
  description: "tally's chain RPC lags 31 s, just over the 30 s line; both tally tickets open.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "9m",
  faults: [
    {
      id: "fault",
      at: "1m",
      heal: "3m20s",
      fault: lattice.tallyChainRpcLag({ lattice: "lattice0", seconds: 31 }),
    },
  ],
  expect: [
    // A read (12 s), a scrape and an evaluation (15 s each), `for` and 8 s of live polling; the
    // attestation waits a slot more.
    expectAlert("LatticeTallyChainRpcLag")
      .withLabels({ organism: "tally", severity: "investigate" })
      .firesWithin("1m50s", { after: "fault" })
      .deliveredTo("tickets")
      .resolvesWithin("1m"),
    expectAlert("LatticeTallyAttestationSlow")
      .withLabels({ organism: "tally", severity: "investigate" })
      .firesWithin("2m", { after: "fault" })
      .deliveredTo("tickets")
      .resolvesWithin(ONE_MINUTE_WINDOW_CLEARS),
    expectNoOtherAlerts(),
  ],
});
