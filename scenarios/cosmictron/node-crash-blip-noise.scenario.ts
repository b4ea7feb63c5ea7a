import { cosmictron, defineScenario, expectNoOtherAlerts } from "firedrill";

// Noise shorter than the rule's `for`: cosmictron-2 crashes and restarts 45 s later, so three
// (at most four) 15 s scrapes fail, against `for: 1m` on CosmictronNoLiveness, which needs five.
// The alert goes pending and must drop without paging; a rule whose `for` was cut to 20 s or
// removed would page. Its twin longer than `for` is cosmictron-node-crash (4m); its twin just
// longer than `for` is cosmictron-node-crash-just-over-for (2m10s).
export default defineScenario({
  name: "cosmictron-node-crash-blip-noise",
  description: "cosmictron-2 is down for 45 s, shorter than `for: 1m`; nothing pages.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "6m",
  faults: [
    {
      id: "crash",
      at: "2m",
      heal: "2m45s",
      fault: cosmictron.nodeCrash({ node: "cosmictron-2" }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
