import { defineScenario, expectAlert, expectNoOtherAlerts, reactor } from "firedrill";

// reactor-0's job queue backs up to 1000 within a minute; with `for: 10m` JobQueueBacklog
// (warning) fires about 11 minutes in. The queue drains fast once healed.
export default defineScenario({
  name: "reactor-jobs-backlog",
  description: "The job queue of reactor-0 backs up; JobQueueBacklog fires, tickets, resolves.",
  fleet: { reactor: { nodes: 2 } },
  duration: "25m",
  faults: [
    {
      id: "backlog",
      at: "2m",
      heal: "16m",
      fault: reactor.jobsBacklog({ node: "reactor-0", depth: 1000 }),
    },
  ],
  expect: [
    expectAlert("JobQueueBacklog")
      .withLabels({ node: "reactor-0", severity: "warning" })
      .firesWithin("13m", { after: "backlog" })
      .deliveredTo("tickets")
      .resolvesWithin("3m"),
    expectNoOtherAlerts(),
  ],
});
