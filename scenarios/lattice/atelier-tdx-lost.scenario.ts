import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// atelier member 0 loses its TDX attestation: that pages.
export default defineScenario({
  name: "lattice-atelier-tdx-lost",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.tdxLost({ lattice: "lattice0", organism: "atelier", member: 0 }),
    },
  ],
  expect: [
    expectAlert("LatticeAtelierTdxNotAttested")
      .withLabels({ organism: "atelier", severity: "page" })
      .firesWithin("5m", { after: "fault" })
      .deliveredTo("pager")
      .resolvesWithin("6m"),
    expectNoOtherAlerts(),
  ],
});
