import { defineScenario, expectAlert, expectNoOtherAlerts, simHost } from "firedrill";

// The Cosmictron host process is killed for real (SIGKILL): all three nodes vanish at once and
// the liveness alert pages for each. The heal starts the process again on the same ports.
const node = (id: string) =>
  expectAlert("CosmictronNoLiveness")
    .withLabels({ node: id, severity: "critical" })
    .firesWithin("3m", { after: "kill" })
    .deliveredTo("pager")
    .resolvesWithin("2m");

export default defineScenario({
  name: "watchers-sim-host-killed",
  description:
    "The sim host process dies; every node's liveness alert pages and resolves on restart.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "14m",
  faults: [{ id: "kill", at: "2m", heal: "6m", fault: simHost.kill("cosmictron") }],
  expect: [node("cosmictron-0"), node("cosmictron-1"), node("cosmictron-2"), expectNoOtherAlerts()],
});
