import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// The boundary, from above: the WAL device on one node adds about 0.6 s (±15%, so at least
// 0.51 s) to every fsync, just over the 0.5 s line. Every stalled fsync lands in the (0.5, 1]
// bucket. Commits queue behind each fsync (group commit), so there are about 1.7 fsyncs/s instead
// of one per commit; the window at t=2m holds about 1,400 normal ones (2 min at ~12/s), so 1% is
// about 15 stalled fsyncs, 9 s of stall: pending at the next evaluations (22 s in virtual time),
// firing after `for: 5m` (5m22s) and delivered at 5m52s — 2 min under the 8m, more than the 30 s
// a live run may add. Its twin just under the line is cosmictron-fsync-below-line-noise.
export default defineScenario({
  name: "cosmictron-fsync-just-above-line",
  description: "WAL fsync at 0.6 s on cosmictron-1, just over the 0.5 s line; the alert pages.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "26m",
  faults: [
    {
      id: "stall",
      at: "2m",
      heal: "12m",
      fault: cosmictron.walFsyncStall({ node: "cosmictron-1", latencySeconds: 0.6 }),
    },
  ],
  expect: [
    expectAlert("CosmictronWalFsyncLatency")
      .withLabels({ node: "cosmictron-1", severity: "warning" })
      .firesWithin("8m", { after: "stall" })
      .deliveredTo("tickets")
      .resolvesWithin("8m"),
    expectNoOtherAlerts(),
  ],
});
