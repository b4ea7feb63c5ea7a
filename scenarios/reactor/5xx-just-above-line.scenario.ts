import { defineScenario, expectAlert, expectNoOtherAlerts, reactor } from "firedrill";

// The boundary, from above: 15% of the data capability's requests (about 40% of the traffic)
// answer 5xx on both nodes, about 6% of all requests with the 0.2–0.5% background, over the 5%
// line by four times the spread of a 5m window's ratio (some 6,000–12,000 requests). Once the
// window is mostly fault (about 4 minutes) the ratio holds over 5% and, after `for: 5m`,
// ReactorHighErrorRate opens a ticket. Its twin under the line is reactor-5xx-blip-noise.
export default defineScenario({
  name: "reactor-5xx-just-above-line",
  description: "5xx on 15% of data requests, about 6% of all, just over the 5% line; it pages.",
  fleet: { reactor: { nodes: 2 } },
  duration: "18m",
  faults: [
    {
      id: "burst",
      at: "1m",
      heal: "12m",
      fault: reactor.http5xxBurst({ capability: "data", ratio: 0.15 }),
    },
  ],
  expect: [
    expectAlert("ReactorHighErrorRate")
      .withLabels({ severity: "warning" })
      .firesWithin("11m", { after: "burst" })
      .deliveredTo("tickets")
      .resolvesWithin("3m"),
    expectNoOtherAlerts(),
  ],
});
