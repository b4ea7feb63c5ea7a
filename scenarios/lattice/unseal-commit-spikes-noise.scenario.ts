import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";

// The page's other "alert you do not need": per-commit latency at the fastest cadence. For ten
// minutes one unseal member's commit takes 20 s (over the 12 s slot) once every ten slots, a
// sub-minute spike each 2 minutes, while the organism commits on time. Seven members commit
// five times a minute each, so a 1-minute window holds at least 21 observations and a single
// spike is under 5% of them: the P95 stays under the line and LatticeUnsealDecryptSlow must not
// page. An alert on each slow commit (fixtures/lattice/noise-rules.yml's
// LatticeUnsealCommitSlowOnce, the histogram's maximum) would page on every spike.
export default defineScenario({
  name: "lattice-unseal-commit-spikes-noise",
  description:
    "One unseal member's commit takes 20 s once every 10 slots; the P95 over 1m ignores it.",
  fleet: { lattice: { lattices: 1, members: 7 } },
  duration: "14m",
  faults: [
    {
      id: "spikes",
      at: "2m",
      heal: "12m",
      fault: lattice.commitSpikes({
        lattice: "lattice0",
        organism: "unseal",
        member: 2,
        latencySeconds: 20,
        everySlots: 10,
      }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
