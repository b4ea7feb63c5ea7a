import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// The boundary, from above: zipnet server 0 of lattice0 is down for 130 s (1m to 3m10s), just
// longer than `for: 1m` on LatticeZipnetServerDown plus a 15 s scrape, a 15 s evaluation and
// Alertmanager's 30 s group_wait (120 s). The first scrape reading zipnet_server_up 0 comes within
// 15 s of the fault and the first evaluation to see it within 15 s more, so the alert is pending by
// 1m30s, fires by 2m30s and its page leaves by 3m, while every evaluation until the heal still
// reads the 0: it must page. (100 s, the `for` plus a scrape and an evaluation, fires but can
// resolve before group_wait ends, and then no page leaves: seen live.) Its twin shorter than the
// `for` is lattice-zipnet-server-down-blip-noise (43 s).
export default defineScenario({
  name: "lattice-zipnet-server-down-just-over-for",
  description: "zipnet server 0 down for 130 s, just past `for: 1m`; the alert pages.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "9m30s",
  faults: [
    {
      id: "down",
      at: "1m",
      heal: "3m10s",
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
