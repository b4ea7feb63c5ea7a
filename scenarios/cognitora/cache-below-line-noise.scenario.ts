import { cognitora, defineScenario, expectNoOtherAlerts } from "firedrill";

// Noise at the boundary: prefix lookups hit 35% of the time for eighteen minutes (longer than
// the 5m window plus `for: 15m` would need), just over CognitoraCacheHitRatioLow's 0.30 line:
// the hit ratio is low but healthy enough, and nothing may page. A rule whose line moved up
// would open a ticket. Its twin just under the line is cognitora-cache-just-above-line (25%).
export default defineScenario({
  name: "cognitora-cache-below-line-noise",
  description: "The KV cache hits 35% of lookups, just over the 30% line; nothing fires.",
  fleet: { cognitora: { routers: 2, agents: 3, kvcached: 1 } },
  duration: "22m",
  faults: [
    { id: "cache", at: "2m", heal: "21m", fault: cognitora.cacheCollapse({ hitRatio: 0.35 }) },
  ],
  expect: [expectNoOtherAlerts()],
});
