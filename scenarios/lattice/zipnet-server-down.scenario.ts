import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// zipnet server 0 of lattice0 goes down; after `for: 1m` LatticeZipnetServerDown pages.
export default defineScenario({
  name: "lattice-zipnet-server-down",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "20m",
  faults: [
    {
      id: "fault",
      at: "2m",
      heal: "8m",
      fault: lattice.zipnetServerDown({ lattice: "lattice0", member: 0 }),
    },
  ],
  expect: [
    expectAlert("LatticeZipnetServerDown")
      .withLabels({ organism: "zipnet", severity: "page" })
      .firesWithin("5m", { after: "fault" })
      .deliveredTo("pager")
      .resolvesWithin("6m"),
    expectNoOtherAlerts(),
  ],
});
