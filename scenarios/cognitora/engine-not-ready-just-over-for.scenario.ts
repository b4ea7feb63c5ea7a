import { cognitora, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// Just longer than `for`: cgn-agent-0's engine is not ready for 3m15s, against
// CognitoraEngineNotReady's `for: 2m` plus one 5 s health check (the gauge drops at the next),
// cgn-metrics' 5 s collection from the hosts, a 15 s scrape of its union, a 15 s evaluation and
// the route's 30 s group_wait (an alert resolved before its group is first flushed is never
// sent), 3m10s in all, with 5 s to spare: it must page. It fires within 2m40s of the fault
// (for + health check + collection + scrape + evaluation). Its twin shorter than `for` is
// cognitora-engine-not-ready-blip-noise (30 s).
export default defineScenario({
  name: "cognitora-engine-not-ready-just-over-for",
  description: "cgn-agent-0's engine is not ready for 3m15s, just longer than `for: 2m`; it pages.",
  fleet: { cognitora: { routers: 2, agents: 3, kvcached: 1 } },
  duration: "10m",
  faults: [
    {
      id: "engine",
      at: "1m",
      heal: "4m15s",
      fault: cognitora.engineNotReady({ node: "cgn-agent-0" }),
    },
  ],
  expect: [
    expectAlert("CognitoraEngineNotReady")
      .withLabels({ node: "cgn-agent-0", severity: "critical" })
      .firesWithin("2m40s", { after: "engine" })
      .deliveredTo("pager")
      .resolvesWithin("1m"),
    expectNoOtherAlerts(),
  ],
});
