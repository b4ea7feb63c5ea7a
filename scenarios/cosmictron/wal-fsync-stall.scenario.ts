import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// The WAL device on one node adds about 1.5 s to every fsync for ten minutes. Commits queue
// behind each fsync (group commit): about 0.67 fsyncs/s, every one over 0.5 s, and the reducer
// calls wait for them. Against the ~1,400 normal fsyncs in the window at t=2m, 1% is ~15 stalled
// ones, ~21 s: pending at 22 s, firing after `for: 5m` at 5m22s, delivered at 5m52s (8m allowed;
// a live run adds at most 30 s). After the heal ~200 slow samples are in the window against
// ~10/s of fast ones: under 1% after about 260 s (0.67(300 − x) < 0.1x), resolved at ~4m22s of
// the 8m allowed.
export default defineScenario({
  name: "cosmictron-wal-fsync-stall",
  description:
    "WAL fsync stalls on cosmictron-1; the fsync latency alert pages tickets and resolves.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "26m",
  faults: [
    {
      id: "stall",
      at: "2m",
      heal: "12m",
      fault: cosmictron.walFsyncStall({ node: "cosmictron-1", latencySeconds: 1.5 }),
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
