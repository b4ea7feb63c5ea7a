import { cognitora, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// The chat engine behind cgn-agent-0 takes 4 s more to the first token, so the chat model's TTFT
// p99 goes far above the 2 s SLO (firedrill's assumed ttft_slo_ms); after `for: 5m`
// CognitoraTtftSloBreach (critical) pages. It resolves once the 5m window is clean.
export default defineScenario({
  name: "cognitora-ttft-degrade",
  description: "TTFT degrades on cgn-agent-0; CognitoraTtftSloBreach pages and resolves.",
  fleet: { cognitora: { routers: 2, agents: 3, kvcached: 1 } },
  duration: "26m",
  faults: [
    {
      id: "ttft",
      at: "2m",
      heal: "12m",
      fault: cognitora.ttftDegrade({ node: "cgn-agent-0", latencySeconds: 4 }),
    },
  ],
  expect: [
    expectAlert("CognitoraTtftSloBreach")
      .withLabels({ severity: "critical" })
      .firesWithin("8m", { after: "ttft" })
      .deliveredTo("pager")
      .resolvesWithin("8m"),
    expectNoOtherAlerts(),
  ],
});
