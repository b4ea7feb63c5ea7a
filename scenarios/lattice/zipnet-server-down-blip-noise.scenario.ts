import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";

// Noise shorter than the rule's `for`: zipnet server 0 of lattice0 is down for 43 s (1m55s to
// 2m38s), against `for: 1m` on LatticeZipnetServerDown ("beyond 1 minute = page"). Its exporter
// is scraped every 15 s, so at most three scrapes read zipnet_server_up 0 and the alert is pending
// for at most three evaluations (30 s), under the five a 1m `for` needs: it must drop without
// paging. A rule whose `for` was cut to 20 s (three evaluations) or removed would page. Its twin
// past the `for` is lattice-zipnet-server-down (6 minutes down); the one just past it is
// lattice-zipnet-server-down-just-over-for (130 s).
export default defineScenario({
  name: "lattice-zipnet-server-down-blip-noise",
  description: "zipnet server 0 down for 43 s, shorter than `for: 1m`; nothing pages.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "5m",
  faults: [
    {
      id: "blip",
      at: "1m55s",
      heal: "2m38s",
      fault: lattice.zipnetServerDown({ lattice: "lattice0", member: 0 }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
