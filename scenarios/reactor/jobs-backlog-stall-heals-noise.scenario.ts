import { defineScenario, expectNoOtherAlerts, reactor } from "firedrill";

// Noise that `for: 10m` is there for: reactor-0's job workers stall for 11 minutes and recover.
// The queue passes 500 about 4 minutes in, peaks near 1700 and drains about a minute after the
// heal, so it is over the line for about 8 minutes: JobQueueBacklog stays pending and nothing
// may fire. A rule whose `for` was cut to 7m or less opens a ticket, and so does one whose line
// moved down to 50: the queue is over 50 for about 11.5 minutes. Its twin that outlasts the
// `for` is reactor-jobs-backlog.
export default defineScenario({
  name: "reactor-jobs-backlog-stall-heals-noise",
  fleet: { reactor: { nodes: 2 } },
  duration: "16m",
  faults: [
    {
      id: "stall",
      at: "2m",
      heal: "13m",
      fault: reactor.jobsBacklog({ node: "reactor-0" }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
