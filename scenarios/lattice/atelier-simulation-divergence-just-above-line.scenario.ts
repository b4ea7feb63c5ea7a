import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { ONE_MINUTE_WINDOW_CLEARS, redLine } from "./lattice-expectations.ts";

// The boundary, from above: atelier's committee disagrees on every slot for 12 s (1m to 1m12s),
// which holds exactly one slot: a single simulation divergence, the smallest event
// LatticeAtelierSimulationDivergence ("any non-zero rate") must open a ticket for. Its rate over
// 1m is non-zero at every evaluation whose window holds a scrape before and one after it: three
// evaluations (45 s), more than Alertmanager's 30 s group_wait, so the ticket leaves while it
// fires. One divergence reads at most 1.33 per minute (0.022/s); a line moved to 0.025/s does
// not fire. No drill sits just under this line.
export default defineScenario({
  name: "lattice-atelier-simulation-divergence-just-above-line",
  description: "one simulation divergence; the any-non-zero rule opens a ticket.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "8m",
  faults: [
    {
      id: "fault",
      at: "1m",
      heal: "1m12s",
      fault: lattice.atelierDivergence({ lattice: "lattice0", ratio: 1 }),
    },
  ],
  expect: [
    redLine(
      "LatticeAtelierSimulationDivergence",
      "investigate",
      { organism: "atelier" },
      { fires: "75s", resolves: ONE_MINUTE_WINDOW_CLEARS },
    ),
    expectNoOtherAlerts(),
  ],
});
