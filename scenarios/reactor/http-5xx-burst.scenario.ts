import { defineScenario, expectAlert, expectNoOtherAlerts, reactor } from "firedrill";

// Half of the data capability's requests answer 5xx on both nodes: about a fifth of all
// requests. The fleet-wide error ratio crosses 5% within a scrape or two and, after `for: 5m`,
// ReactorHighErrorRate (warning) opens a ticket. It resolves once the 5m window is clean.
export default defineScenario({
  name: "reactor-http-5xx-burst",
  description: "5xx burst on the data capability; ReactorHighErrorRate fires, tickets, resolves.",
  fleet: { reactor: { nodes: 2 } },
  duration: "24m",
  faults: [
    {
      id: "burst",
      at: "2m",
      heal: "12m",
      fault: reactor.http5xxBurst({ capability: "data", ratio: 0.5 }),
    },
  ],
  expect: [
    expectAlert("ReactorHighErrorRate")
      .withLabels({ severity: "warning" })
      .firesWithin("8m", { after: "burst" })
      .deliveredTo("tickets")
      .resolvesWithin("6m"),
    expectNoOtherAlerts(),
  ],
});
