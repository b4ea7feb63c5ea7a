import { cognitora, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// cgn-agent-0's engine stops answering ready: cgn_agent_engine_ready drops to 0 and after
// `for: 2m` CognitoraEngineNotReady (critical) pages.
export default defineScenario({
  name: "cognitora-engine-not-ready",
  description:
    "The engine behind cgn-agent-0 is not ready; CognitoraEngineNotReady pages and resolves.",
  fleet: { cognitora: { routers: 2, agents: 3, kvcached: 1 } },
  duration: "16m",
  faults: [
    {
      id: "engine",
      at: "2m",
      heal: "8m",
      fault: cognitora.engineNotReady({ node: "cgn-agent-0" }),
    },
  ],
  expect: [
    expectAlert("CognitoraEngineNotReady")
      .withLabels({ node: "cgn-agent-0", severity: "critical" })
      .firesWithin("4m", { after: "engine" })
      .deliveredTo("pager")
      .resolvesWithin("2m"),
    expectNoOtherAlerts(),
  ],
});
