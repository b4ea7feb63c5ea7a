import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

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
    expectAlert("LatticeUnsealTdxNotAttested")
      .withLabels({ organism: "unseal", severity: "page" })
      .firesWithin("5m", { after: "fault" })
      .deliveredTo("pager")
      .resolvesWithin("6m"),
    expectNoOtherAlerts(),
  ],
});
