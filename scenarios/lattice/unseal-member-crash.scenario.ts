import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { redLine } from "./lattice-expectations.ts";

// A member that is not a zipnet server goes down: lattice0-unseal-1's process dies, so its
// exporter cannot be scraped. After `for: 2m` LatticeMemberDown (firedrill's addition) opens a
// ticket. The two other members keep unseal's Raft majority and it commits on, so no red line
// fires and nothing pages; the restart at the heal resolves it.
export default defineScenario({
  name: "lattice-unseal-member-crash",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "12m",
  faults: [
    { id: "fault", at: "2m", heal: "7m", fault: lattice.nodeCrash({ node: "lattice0-unseal-1" }) },
  ],
  expect: [
    redLine(
      "LatticeMemberDown",
      "investigate",
      { node: "lattice0-unseal-1", organism: "unseal" },
      { fires: "3m30s", resolves: "2m" },
    ),
    expectNoOtherAlerts(),
  ],
});
