import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts, stack } from "firedrill";

// Alertmanager restarts between the page and the heal. Prometheus keeps re-sending the firing
// alert, and when it resolves the pager must still get the resolved notification.
export default defineScenario({
  name: "watchers-alertmanager-restart",
  description:
    "Alertmanager restarts while an alert fires; the resolved notification still arrives.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "16m",
  faults: [
    { id: "crash", at: "2m", heal: "7m", fault: cosmictron.nodeCrash({ node: "cosmictron-1" }) },
    { id: "restart", at: "5m", fault: stack.restart("alertmanager") },
  ],
  expect: [
    expectAlert("CosmictronNoLiveness")
      .withLabels({ node: "cosmictron-1", severity: "critical" })
      .firesWithin("2m", { after: "crash" })
      .deliveredTo("pager")
      .resolvesWithin("1m"),
    expectNoOtherAlerts(),
  ],
});
