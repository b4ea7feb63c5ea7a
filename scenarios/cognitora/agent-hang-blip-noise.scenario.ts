import { cognitora, defineScenario, expectNoOtherAlerts } from "firedrill";

// Noise shorter than the rule's `for`: cgn-agent-0 hangs for 60 s and recovers. cgn-metrics'
// collections from it time out, so its series are missing from the union for about a minute,
// against `for: 2m` on CognitoraHostMissing: it goes pending and must drop without paging. A
// rule whose `for` was cut to 30 s or removed would page. Its twin longer than `for` is
// cognitora-router-crash (5m).
export default defineScenario({
  name: "cognitora-agent-hang-blip-noise",
  description: "cgn-agent-0 hangs for 60 s, shorter than `for: 2m`; nothing pages.",
  fleet: { cognitora: { routers: 2, agents: 3, kvcached: 1 } },
  duration: "7m",
  faults: [
    { id: "hang", at: "2m", heal: "3m", fault: cognitora.nodeHang({ node: "cgn-agent-0" }) },
  ],
  expect: [expectNoOtherAlerts()],
});
