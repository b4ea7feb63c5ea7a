import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts, stack } from "firedrill";

// The pager's webhook answers 500 from before the node crashes until well after the alert
// fires. Alertmanager must keep retrying: the page is delivered once the receiver is back.
export default defineScenario({
  name: "watchers-receiver-outage",
  description: "The pager receiver fails for a while; the page arrives after it recovers.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "16m",
  faults: [
    { id: "outage", at: "1m", heal: "5m", fault: stack.receiverOutage("pager") },
    { id: "crash", at: "2m", heal: "8m", fault: cosmictron.nodeCrash({ node: "cosmictron-0" }) },
  ],
  expect: [
    expectAlert("CosmictronNoLiveness")
      .withLabels({ node: "cosmictron-0", severity: "critical" })
      .firesWithin("2m", { after: "crash" })
      .deliveredTo("pager")
      .resolvesWithin("1m"),
    expectNoOtherAlerts(),
  ],
});
