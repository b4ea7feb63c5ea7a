import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";
import { ONE_MINUTE_WINDOW_CLEARS } from "./lattice-expectations.ts";

// The boundary, from above: relay's proposer acks take about 5 s for two minutes, just past the
// 4 s slot deadline LatticeRelayProposerAckSlow pages on. The sim's noise (±10% on the slot's
// work, ±5% on each member's observation) keeps every ack between 4.27 s and 5.78 s, all in the
// (4, 8] bucket: 4 s is a bucket bound, so the 1m P95 is over 4 as soon as a slow ack is in the
// window and, after `for: 1m`, it pages. Relay misses every slot meanwhile (its budget is 4 s),
// which no other alert reads. Inside one bucket the P95 interpolates to about 7.8 s whatever the
// acks, so a line moved to 5 s is not caught (the histogram cannot tell); one moved to the next
// bound, 8 s, is. There is no twin below the line yet; the far-above drill is
// lattice-relay-proposer-ack-slow (8 s).
export default defineScenario({
  name: "lattice-relay-proposer-ack-slow-just-above-line",
  description: "relay's proposer acks at 5 s, just past the 4 s slot deadline; it pages.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "9m",
  faults: [
    {
      id: "fault",
      at: "1m",
      heal: "3m",
      fault: lattice.slowCommit({ lattice: "lattice0", organism: "relay", latencySeconds: 5 }),
    },
  ],
  expect: [
    // A slot (12 s), a scrape and an evaluation (15 s each), `for` and 8 s of live polling.
    expectAlert("LatticeRelayProposerAckSlow")
      .withLabels({ organism: "relay", severity: "page" })
      .firesWithin("1m50s", { after: "fault" })
      .deliveredTo("pager")
      .resolvesWithin(ONE_MINUTE_WINDOW_CLEARS),
    expectNoOtherAlerts(),
  ],
});
