import { cosmictron, defineScenario, expectNoOtherAlerts } from "firedrill";

// Noise: one short burst of slow fsyncs (30 s at 1.5 s) pushes the 5m p99 over 0.5 s for a
// few minutes, but not for the 5 minutes the rule's `for` asks. It may go pending; it must not page.
export default defineScenario({
  name: "cosmictron-single-slow-fsync-noise",
  description: "A single short fsync stall on cosmictron-1; nothing fires.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "16m",
  faults: [
    {
      id: "blip",
      at: "2m",
      heal: "2m30s",
      fault: cosmictron.walFsyncStall({ node: "cosmictron-1", latencySeconds: 1.5 }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
