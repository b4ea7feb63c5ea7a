import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts, stack } from "firedrill";

// Prometheus restarts while the liveness alert is firing. A correct stack restores the alert's
// state (ALERTS_FOR_STATE, within --rules.alert.for-outage-tolerance) or fires it again: it must
// be firing again within 2 minutes, and still resolve after the heal.
export default defineScenario({
  name: "watchers-prometheus-restart",
  description:
    "Prometheus restarts in the middle of a firing alert; the alert is restored and resolves.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "16m",
  faults: [
    { id: "crash", at: "2m", heal: "9m", fault: cosmictron.nodeCrash({ node: "cosmictron-2" }) },
    { id: "restart", at: "5m", fault: stack.restart("prometheus") },
  ],
  expect: [
    expectAlert("CosmictronNoLiveness")
      .withLabels({ node: "cosmictron-2", severity: "critical" })
      .firesWithin("2m", { after: "crash" })
      .deliveredTo("pager")
      // Prometheus forgets it across the restart when it does not restore it: it fires again.
      .mayFireAgain(),
    expectAlert("CosmictronNoLiveness")
      .withLabels({ node: "cosmictron-2", severity: "critical" })
      .firingWithin("2m", { after: "restart" }),
    expectNoOtherAlerts(),
  ],
});
