import { defineScenario, expectAlert, expectNoOtherAlerts, reactor } from "firedrill";

// A slow query on reactor-0: each request of its DB-backed capabilities (about 80% of its
// traffic) holds a database connection for about 10 s. The pool of 20–50 connections then
// serves 2–5 of the 8–16 such requests a second; the others wait past the 5 s acquire timeout
// and answer 503, well over 5% of the fleet's requests. After `for: 5m` ReactorHighErrorRate
// opens a ticket; it resolves once the 5m window is clean of the timeouts.
export default defineScenario({
  name: "reactor-db-pool-exhausted",
  description:
    "Slow queries exhaust reactor-0's DB pool; ReactorHighErrorRate fires, tickets, resolves.",
  fleet: { reactor: { nodes: 2 } },
  duration: "24m",
  faults: [
    {
      id: "slow-queries",
      at: "2m",
      heal: "12m",
      fault: reactor.dbPoolExhausted({ node: "reactor-0" }),
    },
  ],
  expect: [
    expectAlert("ReactorHighErrorRate")
      .withLabels({ severity: "warning" })
      .firesWithin("8m", { after: "slow-queries" })
      .deliveredTo("tickets")
      .resolvesWithin("6m"),
    expectNoOtherAlerts(),
  ],
});
