import { cognitora, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// cgn-router-0 crashes. Prometheus scrapes only cgn-metrics' union, so no `up` falls: the
// router's series leave the union at cgn-metrics' next collection (every 5 s) and go stale at
// the next scrape. After `for: 2m` CognitoraHostMissing (firedrill's addition) pages, about
// 2m30s after the crash; the restart at the heal puts its series back and it resolves.
// Nothing else may fire: cgn-router-1 and the agents serve on.
export default defineScenario({
  name: "cognitora-router-crash",
  description: "cgn-router-0 crashes; CognitoraHostMissing pages and resolves on restart.",
  fleet: { cognitora: { routers: 2, agents: 3, kvcached: 1 } },
  duration: "12m",
  faults: [
    { id: "crash", at: "2m", heal: "7m", fault: cognitora.nodeCrash({ node: "cgn-router-0" }) },
  ],
  expect: [
    expectAlert("CognitoraHostMissing")
      .withLabels({ node: "cgn-router-0", service: "cgn-router", severity: "critical" })
      .firesWithin("3m30s", { after: "crash" })
      .deliveredTo("pager")
      .resolvesWithin("2m"),
    expectNoOtherAlerts(),
  ],
});
