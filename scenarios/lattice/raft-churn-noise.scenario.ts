import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";

// The page's "alerts you do not need": mosaik's Raft churns leaders on normal network
// turbulence. Three step-downs a minute in every organism for ten minutes must page nobody;
// there is no leader-change alert, and "no leader for 30 seconds" never holds.
export default defineScenario({
  name: "lattice-raft-churn-noise",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "16m",
  faults: [
    { id: "churn", at: "2m", heal: "12m", fault: lattice.raftChurn({ stepDownsPerMinute: 3 }) },
  ],
  expect: [expectNoOtherAlerts()],
});
