import { defineScenario, expectNoOtherAlerts, reactor } from "firedrill";

// Noise shorter than the rule's `for`: reactor-1 crashes and restarts 80 s later, so five (at
// most six) 15 s scrapes fail, against `for: 2m` on ReactorHealthCheckFailing, which needs nine.
// The alert goes pending and must drop without paging; a rule whose `for` was cut to 40 s or
// removed would page. Its twin longer than `for` is reactor-health-check-failing (5m); its twin
// just longer than `for` is reactor-health-check-just-over-for (3m10s).
export default defineScenario({
  name: "reactor-node-crash-blip-noise",
  description: "reactor-1 is down for 80 s, shorter than `for: 2m`; nothing pages.",
  fleet: { reactor: { nodes: 2 } },
  duration: "7m",
  faults: [
    { id: "crash", at: "2m", heal: "3m20s", fault: reactor.nodeCrash({ node: "reactor-1" }) },
  ],
  expect: [expectNoOtherAlerts()],
});
