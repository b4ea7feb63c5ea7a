import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// The boundary, from above: fsync on one node stalls at about 0.6 s (±15%, so at least 0.51 s),
// just over the 0.5 s line. Every stalled fsync lands in the (0.5, 1] bucket, so once they fill
// the 5m window's top percent the p99 is over 0.5 and, after `for: 5m`,
// CosmictronWalFsyncLatency pages tickets. Its twin just under the line is
// cosmictron-fsync-below-line-noise.
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
