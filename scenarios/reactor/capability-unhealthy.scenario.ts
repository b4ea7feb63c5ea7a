import { defineScenario, expectAlert, expectNoOtherAlerts, reactor } from "firedrill";

// The storage capability's health check fails on both nodes: GET /health answers 503 naming it
// and its routes answer 503. Storage carries about 14% of the traffic, so the fleet's 5xx share
// is well over 5% and, after `for: 5m`, ReactorHighErrorRate opens a ticket. Prometheus still
// scrapes both nodes (the process is up), so ReactorHealthCheckFailing must stay silent.
export default defineScenario({
  name: "reactor-capability-unhealthy",
  description: "Storage's health check fails; ReactorHighErrorRate fires, tickets, resolves.",
  fleet: { reactor: { nodes: 2 } },
  duration: "24m",
  faults: [
    {
      id: "storage",
      at: "2m",
      heal: "12m",
      fault: reactor.capabilityUnhealthy({ capability: "storage" }),
    },
  ],
  expect: [
    expectAlert("ReactorHighErrorRate")
      .withLabels({ severity: "warning" })
      .firesWithin("8m", { after: "storage" })
      .deliveredTo("tickets")
      .resolvesWithin("6m"),
    expectNoOtherAlerts(),
  ],
});
