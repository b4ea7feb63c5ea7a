import { cognitora, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// The boundary, from the failing side: prefix lookups hit 25% of the time for twenty-one minutes,
// just under CognitoraCacheHitRatioLow's 0.30 line, so the chat model's 5-minute hit ratio
// sits below it and, after `for: 15m`, the alert opens a ticket for the multi-replica chat
// model (the single-replica embedding model must not fire). Its twin on the healthy side is
// cognitora-cache-below-line-noise (35%); the far side is cognitora-cache-collapse (10%).
export default defineScenario({
  name: "cognitora-cache-just-above-line",
  description: "The KV cache hits 25% of lookups, just under the 30% line; a ticket opens.",
  fleet: { cognitora: { routers: 2, agents: 3, kvcached: 1 } },
  duration: "35m",
  faults: [
    { id: "cache", at: "2m", heal: "23m", fault: cognitora.cacheCollapse({ hitRatio: 0.25 }) },
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
