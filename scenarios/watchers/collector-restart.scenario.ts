import { defineScenario, expectNoOtherAlerts, expectSpans, stack } from "firedrill";

// The Collector restarts in the middle of a drill. The fleet's exporters retry, and spans must
// reach the trace sink again within a minute; nothing may page.
export default defineScenario({
  name: "watchers-collector-restart",
  description: "The Collector restarts; spans flow again within a minute and nothing pages.",
  fleet: { cosmictron: { nodes: 2 } },
  duration: "8m",
  faults: [{ id: "restart", at: "3m", fault: stack.restart("collector") }],
  expect: [expectSpans().arriveWithin("1m", { after: "restart" }), expectNoOtherAlerts()],
});
