import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";

// Noise shorter than the rule's `for`: tally's evidence disagrees on every slot for 30 s (2m to
// 2m30s, two or three slots). The 2m rate stays above zero for about 2m30s after the first
// failure, under `for: 3m` on LatticeTallyEvidenceFailures ("sustained"): it goes pending and
// must drop without paging. A rule whose `for` was cut to 1m or removed would page. Every slot
// fails (ratio 1) so the burst surely holds failures; its sustained twin is
// lattice-tally-evidence-failures (half the slots for six minutes); its twin just longer than
// `for` is lattice-tally-evidence-failures-just-over-for (2m50s).
export default defineScenario({
  name: "lattice-tally-evidence-failures-blip-noise",
  description: "A 30 s burst of tally evidence failures, shorter than `for: 3m`; nothing pages.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "7m",
  faults: [
    {
      id: "blip",
      at: "2m",
      heal: "2m30s",
      fault: lattice.tallyEvidenceMismatch({ lattice: "lattice0", ratio: 1 }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
