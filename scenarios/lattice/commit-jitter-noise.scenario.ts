import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";

// The page's other "alert you do not need": sub-second commit-latency jitter is not actionable.
// Up to 0.9 s of extra latency on every commit for ten minutes must page nobody.
export default defineScenario({
  name: "lattice-commit-jitter-noise",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "16m",
  faults: [
    { id: "jitter", at: "2m", heal: "12m", fault: lattice.commitJitter({ maxSeconds: 0.9 }) },
  ],
  expect: [expectNoOtherAlerts()],
});
