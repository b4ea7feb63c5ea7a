import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// fsync on one node stalls at about 1.5 s for ten minutes. The p99 over 5m crosses 0.5 s almost
// at once; with `for: 5m` the alert fires about 5.5 minutes after the stall starts. After the heal
// the slow samples leave the 5m window and the alert resolves.
export default defineScenario({
  name: "cosmictron-wal-fsync-stall",
  description:
    "WAL fsync stalls on cosmictron-1; the fsync latency alert pages tickets and resolves.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "26m",
  faults: [
    {
      id: "stall",
      at: "2m",
      heal: "12m",
      fault: cosmictron.walFsyncStall({ node: "cosmictron-1", latencySeconds: 1.5 }),
    },
  ],
  expect: [
    expectAlert("CosmictronWalFsyncLatency")
      .withLabels({ node: "cosmictron-1", severity: "warning" })
      .firesWithin("8m", { after: "stall" })
      .deliveredTo("tickets")
      .resolvesWithin("8m"),
    expectNoOtherAlerts(),
  ],
});
