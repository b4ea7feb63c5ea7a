import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// The boundary, from above: cosmictron-1's data directory jumps to 86% of its disk, just over
// CosmictronStorageNearFull's 85% line. The fill holds bytes used at that share exactly (the
// node's own data lies under 60%, compaction keeps it there), so after `for: 5m` it pages
// (readiness fails only above 95%). Its twin under the line is
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
