import { defineScenario, expectAlert, expectNoOtherAlerts, reactor } from "firedrill";

// reactor-0's job workers all but stop on a slow downstream. The queue backs up at the arrival
// rate (about 2.5 jobs/s), past JobQueueBacklog's 500 about 4 minutes in; with `for: 10m` the
// rule opens a ticket about 14 minutes after the stall. The budget of 15m also fails a line
// moved up to 1000, which the queue crosses about 3 minutes later. After the heal the workers
// drain the queue at their spare capacity, about 20 jobs/s: under 500 within about 2 minutes,
// and the resolved ticket follows at the group's next 5m group_interval.
export default defineScenario({
  name: "reactor-jobs-backlog",
  description: "The job workers of reactor-0 stall; JobQueueBacklog fires, tickets, resolves.",
  fleet: { reactor: { nodes: 2 } },
  duration: "26m30s",
  faults: [
    {
      id: "backlog",
      at: "2m",
      heal: "18m",
      fault: reactor.jobsBacklog({ node: "reactor-0" }),
    },
  ],
  expect: [
    expectAlert("JobQueueBacklog")
      .withLabels({ node: "reactor-0", severity: "warning" })
      .firesWithin("15m", { after: "backlog" })
      .deliveredTo("tickets")
      .resolvesWithin("8m"),
    expectNoOtherAlerts(),
  ],
});
