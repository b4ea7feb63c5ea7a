import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";

// Noise shorter than the rule's `for`: 25 leader losses of 10 s each, one every 67 s, taking the
// organisms in turn (unseal, offer, atelier, relay, tally; not zipnet, whose broadcasts stall
// without a leader and page on their own), against `for: 30s` on LatticeOrganismNoLeader ("no
// leader for 30 seconds"). An organism is leaderless for the 10 s and the election after it (up
// to 3.5 s), under the 15 s scrape interval, so each member reads has_leader 0 for at most one
// scrape, and all three read 0 together for at most 15 s: the alert may go pending but can never
// hold through the next evaluation 15 s later, let alone 30 s. Nothing may page.
// One blip rarely shows a shorter `for`, since an evaluation must fall where all three members'
// scrapes read 0; 25 blips at 67 s apart (7 s later in the scrape cycle each time) give it many
// chances: `for: 0s` fired on each of 12 seeds. A rule without its `for` is noisy here.
// Its twin past the `for` is lattice-unseal-no-leader (six minutes); the one just past it is
// lattice-tally-no-leader-just-over-for (1m45s, in tally).
const ORGANISMS = ["unseal", "offer", "atelier", "relay", "tally"] as const;

export default defineScenario({
  name: "lattice-unseal-no-leader-blip-noise",
  description:
    "25 leaderless blips of 10 s across five organisms, shorter than `for: 30s`; nothing pages.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "30m",
  faults: Array.from({ length: 25 }, (_, i) => {
    const at = 120 + i * 67;
    return {
      id: `blip-${i + 1}`,
      at: `${at}s`,
      heal: `${at + 10}s`,
      fault: lattice.raftNoLeader({
        lattice: "lattice0",
        organism: ORGANISMS[i % ORGANISMS.length]!,
      }),
    };
  }),
  expect: [expectNoOtherAlerts()],
});
