import { defineScenario, expectAlert, expectNoOtherAlerts, reactor } from "firedrill";

// The boundary, from above: reactor-0's job queue jumps to 550 at once, just over
// JobQueueBacklog's 500. While the workers are stuck the depth never falls below the climb (the
// jobs still queued only add to it), so it holds over 500 and, after `for: 10m`, the rule opens a
// ticket. Its twin under the line is reactor-jobs-backlog-below-line-noise (400).
export default defineScenario({
  name: "reactor-jobs-backlog-just-above-line",
  description: "reactor-0's job queue at 550, just over the 500 line; JobQueueBacklog pages.",
  fleet: { reactor: { nodes: 2 } },
  duration: "17m30s",
  faults: [
    {
      id: "backlog",
      at: "1m",
      heal: "12m",
      fault: reactor.jobsBacklog({ node: "reactor-0", depth: 550, rampSeconds: 0 }),
    },
  ],
  expect: [
    expectAlert("JobQueueBacklog")
      .withLabels({ node: "reactor-0", severity: "warning" })
      .firesWithin("11m", { after: "backlog" })
      .deliveredTo("tickets")
      .resolvesWithin("2m"),
    expectNoOtherAlerts(),
  ],
});
