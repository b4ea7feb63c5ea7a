import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { redLine } from "./lattice-expectations.ts";

// Upstream evidence and tally's attribution disagree on half the slots, sustained: that pages.
export default defineScenario({
  name: "lattice-tally-evidence-failures",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.tallyEvidenceMismatch({ lattice: "lattice0", ratio: 0.5 }),
    },
  ],
  expect: [
    redLine("LatticeTallyEvidenceFailures", "page", { organism: "tally" }),
    expectNoOtherAlerts(),
  ],
});
