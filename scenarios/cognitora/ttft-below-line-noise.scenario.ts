import { cognitora, defineScenario, expectNoOtherAlerts } from "firedrill";

// Noise at the boundary: the chat engine behind cgn-agent-0 takes 1 s more to the first token
// for eight minutes, so its requests' TTFT lands around 1.2 s, in the (1, 2] bucket, and the
// chat model's p99 climbs toward the 2 s SLO without crossing it for CognitoraTtftSloBreach's
// `for: 5m`: nothing may page (at 1.5 s more, enough requests pass 2 s to page). A rule whose
// line moved down would page. Its twin above the line is cognitora-ttft-degrade (4 s more).
export default defineScenario({
  name: "cognitora-ttft-below-line-noise",
  description: "TTFT on cgn-agent-0 rises by 1 s, under the 2 s SLO line; nothing fires.",
  fleet: { cognitora: { routers: 2, agents: 3, kvcached: 1 } },
  duration: "12m",
  faults: [
    {
      id: "ttft",
      at: "2m",
      heal: "10m",
      fault: cognitora.ttftDegrade({ node: "cgn-agent-0", latencySeconds: 1 }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
