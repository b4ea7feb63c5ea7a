import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// Just longer than `for`: atelier member 0 loses its TDX attestation for 2m15s, against
// LatticeAtelierTdxNotAttested's `for: 1m`. The gauge drops within the 1 s Raft tick; the first
// scrape to see it comes within 15 s and the first evaluation within 15 s more, so it fires at
// most 1m31s in; Alertmanager then holds a new group for group_wait (30 s), and the page only
// leaves if the alert is still firing then (one resolved first is never sent): 2m01s at worst,
// plus 14 s to spare. A `for` grown past about 1m45s (the loss less group_wait and the scrape
// lag) fires too late to page. It has no twin below `for` yet; its long twin is
// lattice-atelier-tdx-lost (six minutes).
export default defineScenario({
  name: "lattice-atelier-tdx-lost-just-over-for",
  description: "atelier member 0 unattested for 2m15s, just longer than `for: 1m`; it pages.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "9m",
  faults: [
    {
      id: "fault",
      at: "1m",
      heal: "3m15s",
      fault: lattice.tdxLost({ lattice: "lattice0", organism: "atelier", member: 0 }),
    },
  ],
  expect: [
    // for + a scrape + an evaluation + the tick is 1m31s; live polling may see it up to 8 s late.
    expectAlert("LatticeAtelierTdxNotAttested")
      .withLabels({ organism: "atelier", severity: "page" })
      .firesWithin("1m45s", { after: "fault" })
      .deliveredTo("pager")
      .resolvesWithin("1m"),
    expectNoOtherAlerts(),
  ],
});
