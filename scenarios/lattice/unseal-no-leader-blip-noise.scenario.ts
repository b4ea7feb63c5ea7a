import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";

// Noise shorter than the rule's `for`: unseal elects no leader for 12 s (2m to 2m12s, plus an
// election of up to 2.5 s after the heal), against `for: 30s` on LatticeOrganismNoLeader ("no
// leader for 30 seconds"). Members are scraped every 15 s at their own offsets, so every member's
// latest has_leader reads 0 for under 30 s: the alert goes pending and must drop without paging.
// It does not catch a shorter `for`: even `for: 0s` needs an evaluation inside the stretch where
// all three members read 0, which a blip this short leaves only when their scrapes fall close
// together (`firedrill tune LatticeOrganismNoLeader --for 0s` saw no page here). Those mutants
// are killed by the computed window in lattice-tally-no-leader-just-over-for instead (a `for` of
// 0s or 10s fires that long after pending, not 30s).
// Atelier misses a slot or two, well above its slot-rate line. Its twin past the `for` is
// lattice-unseal-no-leader (six minutes); the one just past it is
// lattice-tally-no-leader-just-over-for (1m45s, in tally).
export default defineScenario({
  name: "lattice-unseal-no-leader-blip-noise",
  description: "unseal without a leader for 12 s, shorter than `for: 30s`; nothing pages.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "5m",
  faults: [
    {
      id: "blip",
      at: "2m",
      heal: "2m12s",
      fault: lattice.raftNoLeader({ lattice: "lattice0", organism: "unseal" }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
