import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// The boundary, from above: zipnet server 0 of lattice0 is down for 100 s (1m to 2m40s), just
// longer than `for: 1m` on LatticeZipnetServerDown ("beyond 1 minute = page") plus a 15 s scrape
// and a 15 s evaluation (90 s). The first scrape reading zipnet_server_up 0 comes within 15 s of
// the fault and the first evaluation to see it within 15 s more, so the alert is pending by 1m30s
// at the latest; the evaluation 1m later still reads the 0 (no scrape after the heal yet), so it
// must page. Its twin shorter than the `for` is lattice-zipnet-server-down-blip-noise (43 s).
export default defineScenario({
  name: "lattice-zipnet-server-down-just-over-for",
  description: "zipnet server 0 down for 100 s, just past `for: 1m`; the alert pages.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "9m",
  faults: [
    {
      id: "down",
      at: "1m",
      heal: "2m40s",
      fault: lattice.zipnetServerDown({ lattice: "lattice0", member: 0 }),
    },
  ],
  expect: [
    expectAlert("LatticeZipnetServerDown")
      .withLabels({ organism: "zipnet", severity: "page" })
      .firesWithin("2m", { after: "down" })
      .deliveredTo("pager")
      .resolvesWithin("1m"),
    expectNoOtherAlerts(),
  ],
});
