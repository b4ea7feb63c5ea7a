import { cognitora, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// The KV cache stops hitting (10% hits). The routers' 5-minute hit ratio falls under 0.30 after
// about 3 minutes; on the multi-replica chat model, after `for: 15m`, CognitoraCacheHitRatioLow
// (warning) opens a ticket. The embedding model has one agent: its hit ratio falls too, but it
// is not multi-replica, so it must not fire (the expectation names the chat model, and
// expectNoOtherAlerts fails on any other).
export default defineScenario({
  name: "cognitora-cache-collapse",
  description: "The KV cache hit ratio collapses; CognitoraCacheHitRatioLow tickets and resolves.",
  fleet: { cognitora: { routers: 2, agents: 3, kvcached: 1 } },
  duration: "36m",
  faults: [
    { id: "cache", at: "2m", heal: "24m", fault: cognitora.cacheCollapse({ hitRatio: 0.1 }) },
  ],
  expect: [
    expectAlert("CognitoraCacheHitRatioLow")
      .withLabels({ model: "mistral-7b-instruct-v0.3", severity: "warning" })
      .firesWithin("21m", { after: "cache" })
      .deliveredTo("tickets")
      .resolvesWithin("6m"),
    expectNoOtherAlerts(),
  ],
});
