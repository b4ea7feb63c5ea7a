import { defineScenario, expectAlert, expectNoOtherAlerts, reactor } from "firedrill";

// reactor-1 crashes: its scrape fails, `up` is 0 and after `for: 2m` ReactorHealthCheckFailing
// (critical) pages. The restart at the heal brings it back.
export default defineScenario({
  name: "reactor-health-check-failing",
  description: "reactor-1 crashes; ReactorHealthCheckFailing pages and resolves on restart.",
  fleet: { reactor: { nodes: 2 } },
  duration: "15m",
  faults: [{ id: "crash", at: "2m", heal: "7m", fault: reactor.nodeCrash({ node: "reactor-1" }) }],
  expect: [
    expectAlert("ReactorHealthCheckFailing")
      .withLabels({ node: "reactor-1", severity: "critical" })
      .firesWithin("4m", { after: "crash" })
      .deliveredTo("pager")
      .resolvesWithin("2m"),
    expectNoOtherAlerts(),
  ],
});
