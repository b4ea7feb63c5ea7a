import { cognitora, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// cgn-metrics-0 crashes: Prometheus cannot scrape the union, `up` falls to 0 and every Cognitora
// series goes stale. After `for: 2m` CognitoraMetricsDown (firedrill's addition) pages, once;
// CognitoraHostMissing must not page for each host it can no longer see. The restart at the heal
// brings the union back and it resolves.
export default defineScenario({
  name: "cognitora-metrics-down",
  description:
    "cgn-metrics-0 crashes; CognitoraMetricsDown pages (not one page per host) and resolves.",
  fleet: { cognitora: { routers: 2, agents: 3, kvcached: 1 } },
  duration: "12m",
  faults: [
    { id: "crash", at: "2m", heal: "7m", fault: cognitora.nodeCrash({ node: "cgn-metrics-0" }) },
  ],
  expect: [
    expectAlert("CognitoraMetricsDown")
      .withLabels({ node: "cgn-metrics-0", severity: "critical" })
      .firesWithin("3m30s", { after: "crash" })
      .deliveredTo("pager")
      .resolvesWithin("2m"),
    expectNoOtherAlerts(),
  ],
});
