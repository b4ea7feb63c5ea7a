import { cognitora, defineScenario, expectNoOtherAlerts } from "firedrill";

// Noise shorter than the rule's `for`: cgn-agent-0's engine is not ready for 30 s (plus up to
// one 5 s health check), against `for: 2m` on CognitoraEngineNotReady. The alert goes pending
// and must drop without paging; a rule whose `for` was cut to 30 s or less would page. Its twin
// just longer than `for` is cognitora-engine-not-ready-just-over-for (3m15s).
export default defineScenario({
  name: "cognitora-engine-not-ready-blip-noise",
  description: "A 30 s engine blip on cgn-agent-0, shorter than `for: 2m`; nothing pages.",
  fleet: { cognitora: { routers: 2, agents: 3, kvcached: 1 } },
  duration: "10m",
  faults: [
    {
      id: "blip",
      at: "2m",
      heal: "2m30s",
      fault: cognitora.engineNotReady({ node: "cgn-agent-0" }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
