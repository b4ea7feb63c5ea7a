import { defineScenario, dsfb, expectNoOtherAlerts } from "firedrill";

// Noise shorter than the rule's `for`: dsfb-0's exporter hangs for 55 s. A hung scrape counts
// only when it times out (12 s), so rule evaluations see `up == 0` for about 30 s (pending at
// t=2m24s, dropped at t=3m09s in virtual time), against `for: 1m` on DsfbExporterDown. The alert
// must drop without a ticket; a rule whose `for` was cut to 20 s or removed would open one (at a
// 45 s hang a 20 s `for` does not fire). Its twin longer than `for` is dsfb-exporter-down (4m);
// its twin just longer than `for` is dsfb-exporter-hang-just-over-for (2m20s).
export default defineScenario({
  name: "dsfb-exporter-hang-blip-noise",
  description: "The dsfb-0 exporter hangs for 55 s, shorter than `for: 1m`; nothing fires.",
  fleet: { dsfb: { nodes: 2 } },
  duration: "6m",
  faults: [{ id: "hang", at: "2m", heal: "2m55s", fault: dsfb.nodeHang({ node: "dsfb-0" }) }],
  expect: [expectNoOtherAlerts()],
});
