import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// The boundary, from above: a bulk import sized to bring cosmictron-1's data directory to 86% of
// its disk is written by the calls of a single fleet second (rampSeconds 0), just over
// CosmictronStorageNearFull's 85% line. Nothing reclaims live rows (a checkpoint only moves WAL
// bytes into pages), and the node's own writes add 16–31 KB/s (8–15 calls of ~2 KB: at most
// 12 MB, 0.02% of a 64 GiB disk, in the 6m30s it holds), so bytes used stay at 86% and after `for: 5m` it pages (readiness
// fails only above 95%); heal drops the imported table. Its twin under the line is
// cosmictron-storage-below-line-noise (82%).
export default defineScenario({
  name: "cosmictron-storage-just-above-line",
  description: "cosmictron-1's disk fills to 86%, just over the 85% line; it pages.",
  fleet: { cosmictron: { nodes: 2 } },
  duration: "14m",
  faults: [
    {
      id: "fill",
      at: "1m",
      heal: "7m30s",
      fault: cosmictron.storageFill({ node: "cosmictron-1", fillRatio: 0.86, rampSeconds: 0 }),
    },
  ],
  expect: [
    expectAlert("CosmictronStorageNearFull")
      .withLabels({ node: "cosmictron-1", severity: "critical" })
      .firesWithin("6m", { after: "fill" })
      .deliveredTo("pager")
      .resolvesWithin("1m"),
    expectNoOtherAlerts(),
  ],
});
