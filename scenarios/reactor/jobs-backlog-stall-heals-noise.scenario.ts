import { defineScenario, expectNoOtherAlerts, reactor } from "firedrill";

// Noise that `for: 10m` is there for: reactor-0's job workers stall for 9 minutes and recover.
// The queue passes 500 about 4 minutes in, peaks near 1300 and drains within a minute of the
// heal, so it is over the line for about 6 minutes: JobQueueBacklog stays pending and nothing
// may fire. A rule whose `for` was cut to 5m or less opens a ticket. Its twin that outlasts
// the `for` is reactor-jobs-backlog.
export default defineScenario({
  name: "reactor-jobs-backlog-stall-heals-noise",
  fleet: { reactor: { nodes: 2 } },
  duration: "14m",
  faults: [
    {
      id: "stall",
      at: "2m",
      heal: "11m",
      fault: reactor.jobsBacklog({ node: "reactor-0" }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
