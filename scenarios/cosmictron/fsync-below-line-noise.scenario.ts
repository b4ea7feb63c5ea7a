import { cosmictron, defineScenario, expectNoOtherAlerts } from "firedrill";

// Noise at the boundary: the WAL device on one node adds about 0.4 s (±15%, so at most 0.46 s)
// to every fsync for ten minutes, just under the 0.5 s line. With the device's own latency
// (median 3 ms) a stalled fsync lands in the (0.25, 0.5] bucket; only one of the device's rare
// outliers (0.3% of fsyncs, median 40 ms) can push one past 0.5 s, about 0.15% of them, far
// under the 1% that would move the p99. So the 5m p99 climbs to just under 0.5 (about 0.498 by
// interpolation) and CosmictronWalFsyncLatency must not page — a rule whose line moved down, or
// that read the raw maxima, would. Its twin just above the line is cosmictron-fsync-just-above-line.
export default defineScenario({
  name: "cosmictron-fsync-below-line-noise",
  description: "WAL fsync at 0.4 s on cosmictron-1, just under the 0.5 s line; nothing fires.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "16m",
  faults: [
    {
      id: "stall",
      at: "2m",
      heal: "12m",
      fault: cosmictron.walFsyncStall({ node: "cosmictron-1", latencySeconds: 0.4 }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
