import { cosmictron, defineScenario, expectNoOtherAlerts } from "firedrill";

// Noise at the boundary: a bulk import written by cosmictron-1's reducer calls fills its data
// directory to 82% of its disk over a minute, and it stays there for six (the node's own writes
// add 16–31 KB/s, at most 0.02% of the disk in those minutes), under CosmictronStorageNearFull's 85% line and longer than its
// `for: 5m`: nothing may page (readiness fails only above 95%). A rule whose line moved down
// would page. Its twin above the line is cosmictron-storage-fill (92%); its twin just above the
// line is cosmictron-storage-just-above-line (86%).
export default defineScenario({
  name: "cosmictron-storage-below-line-noise",
  description: "cosmictron-1's disk fills to 82%, under the 85% line; nothing fires.",
  fleet: { cosmictron: { nodes: 2 } },
  duration: "11m",
  faults: [
    {
      id: "fill",
      at: "2m",
      heal: "9m",
      fault: cosmictron.storageFill({ node: "cosmictron-1", fillRatio: 0.82, rampSeconds: 60 }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
