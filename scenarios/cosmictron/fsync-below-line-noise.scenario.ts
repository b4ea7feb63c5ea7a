import { cosmictron, defineScenario, expectNoOtherAlerts } from "firedrill";

// Noise at the boundary: fsync on one node stalls at about 0.4 s (±15%, so at most 0.46 s) for
// ten minutes, just under the 0.5 s line. Every stalled fsync lands in the (0.25, 0.5] bucket,
// so the 5m p99 climbs to just under 0.5 and CosmictronWalFsyncLatency must not page — a rule
// whose line moved down, or that read the raw maxima, would. Its twin just above the line is
// cosmictron-fsync-just-above-line.
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
