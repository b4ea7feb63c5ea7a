import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { redLine } from "./lattice-expectations.ts";

// unseal member 0 loses its TDX attestation: that pages.
export default defineScenario({
  name: "lattice-unseal-tdx-lost",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.tdxLost({ lattice: "lattice0", organism: "unseal", member: 0 }),
    },
  ],
  expect: [
    redLine("LatticeUnsealTdxNotAttested", "page", { organism: "unseal" }),
    expectNoOtherAlerts(),
  ],
});
