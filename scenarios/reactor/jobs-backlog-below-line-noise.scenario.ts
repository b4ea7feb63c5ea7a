import { defineScenario, expectNoOtherAlerts, reactor } from "firedrill";

// Noise at the boundary: reactor-0's job queue sits at 400 for twelve minutes, under
// JobQueueBacklog's 500 and longer than its `for: 10m`, so nothing may fire — a rule whose line
// moved down would open a ticket. Its twin above the line is reactor-jobs-backlog (1000); its
// twin just above the line is reactor-jobs-backlog-just-above-line (550).
export default defineScenario({
  name: "reactor-jobs-backlog-below-line-noise",
  fleet: { reactor: { nodes: 2 } },
  duration: "16m",
  faults: [
    {
      id: "backlog",
      at: "2m",
      heal: "14m",
      fault: reactor.jobsBacklog({ node: "reactor-0", depth: 400 }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
