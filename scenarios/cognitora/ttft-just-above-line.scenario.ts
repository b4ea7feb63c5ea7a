import { cognitora, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// The boundary, from above: the chat engine behind cgn-agent-0 takes 1.5 s more to the first
// token for eight minutes, so its requests' TTFT lands around 1.7 s and enough of the chat
// model's requests pass 2 s that its p99 over 5m crosses the 2 s SLO; after `for: 5m`
// CognitoraTtftSloBreach (critical) pages. Its twin just under the line is
// cognitora-ttft-below-line-noise (1 s more); the far side is cognitora-ttft-degrade (4 s more).
export default defineScenario({
  name: "cognitora-ttft-just-above-line",
  description: "TTFT on cgn-agent-0 rises by 1.5 s, just over the 2 s SLO line; the alert pages.",
  fleet: { cognitora: { routers: 2, agents: 3, kvcached: 1 } },
  duration: "22m",
  faults: [
    {
      id: "ttft",
      at: "2m",
      heal: "10m",
      fault: cognitora.ttftDegrade({ node: "cgn-agent-0", latencySeconds: 1.5 }),
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
