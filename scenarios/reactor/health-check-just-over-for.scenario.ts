import { defineScenario, expectAlert, expectNoOtherAlerts, reactor } from "firedrill";

// Just longer than `for`: reactor-1 is down for 3m10s, against ReactorHealthCheckFailing's
// `for: 2m` plus a 15 s scrape (the first failed scrape), a 15 s evaluation (the first that sees
// it) and the route's 30 s group_wait (an alert resolved before its group is first flushed is
// never sent), 3m in all, with 10 s to spare: it must page. It fires within 2m30s of the crash;
// a live run sees the firing at its next poll of Prometheus' alerts (every half evaluation
// interval, 7.5 s, plus the request), so the budget is 2m40s (CI saw 2m32s). Its twin shorter
// than `for` is reactor-node-crash-blip-noise (80 s).
export default defineScenario({
  name: "reactor-health-check-just-over-for",
  description: "reactor-1 is down for 3m10s, just longer than `for: 2m`; it pages.",
  fleet: { reactor: { nodes: 2 } },
  duration: "10m",
  faults: [
    { id: "crash", at: "1m", heal: "4m10s", fault: reactor.nodeCrash({ node: "reactor-1" }) },
  ],
  expect: [
    expectAlert("ReactorHealthCheckFailing")
      .withLabels({ node: "reactor-1", severity: "critical" })
      .firesWithin("2m40s", { after: "crash" })
      .deliveredTo("pager")
      .resolvesWithin("2m"),
    expectNoOtherAlerts(),
  ],
});
