import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// A bulk import on cosmictron-1, sized to fill its disk to 92%, is written by the node's reducer
// calls over a minute (WAL bytes, pages at checkpoint). Above 85% for 5 minutes,
// CosmictronStorageNearFull (critical) pages. Healing drops the imported table and frees it.
export default defineScenario({
  name: "cosmictron-storage-fill",
  description: "The data directory of cosmictron-1 fills up; the storage alert pages and resolves.",
  fleet: { cosmictron: { nodes: 2 } },
  duration: "20m",
  faults: [
    {
      id: "fill",
      at: "2m",
      heal: "11m",
      fault: cosmictron.storageFill({ node: "cosmictron-1", fillRatio: 0.92, rampSeconds: 60 }),
    },
  ],
  expect: [
    expectAlert("CosmictronStorageNearFull")
      .withLabels({ node: "cosmictron-1", severity: "critical" })
      .firesWithin("8m", { after: "fill" })
      .deliveredTo("pager")
      .resolvesWithin("2m"),
    expectNoOtherAlerts(),
  ],
});
