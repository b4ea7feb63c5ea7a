import { cosmictron, defineScenario, expectNoOtherAlerts } from "firedrill";

// Noise: a single slow fsync (2 s) is far under 1% of the fsyncs in a 5m window (the commits
// that queue behind it share the next fsync), so the p99 stays put and nothing may page; so do
// the device's own outliers, past 20 ms for 0.3% of fsyncs. (A stall of even 30 s does page: the slow samples hold the
// 5m p99 above 0.5 s for the whole `for: 5m` — see cosmictron-wal-fsync-stall.)
export default defineScenario({
  name: "cosmictron-single-slow-fsync-noise",
  description: "One slow fsync on cosmictron-1; nothing fires.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "12m",
  faults: [
    {
      id: "slow",
      at: "2m",
      heal: "3m",
      fault: cosmictron.slowFsync({ node: "cosmictron-1", count: 1, latencySeconds: 2 }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
