import { defineScenario, dsfb, expectAlert, expectNoOtherAlerts } from "firedrill";

// Just longer than `for`: dsfb-0's exporter hangs for 2m20s, against DsfbExporterDown's
// `for: 1m` plus the 12 s scrape timeout (a hung scrape counts only when it times out), a 15 s
// scrape, a 15 s evaluation and the route's 30 s group_wait (an alert resolved before its group
// is first flushed is never sent), 2m12s in all, with 8 s to spare: it must open a ticket. Its
// twin shorter than `for` is dsfb-exporter-hang-blip-noise (55 s).
export default defineScenario({
  name: "dsfb-exporter-hang-just-over-for",
  description: "The dsfb-0 exporter hangs for 2m20s, just longer than `for: 1m`; it pages.",
  fleet: { dsfb: { nodes: 2 } },
  duration: "9m",
  faults: [{ id: "hang", at: "1m", heal: "3m20s", fault: dsfb.nodeHang({ node: "dsfb-0" }) }],
  expect: [
    expectAlert("DsfbExporterDown")
      .withLabels({ node: "dsfb-0", severity: "warning" })
      .firesWithin("1m45s", { after: "hang" })
      .deliveredTo("tickets")
      .resolvesWithin("2m"),
    expectNoOtherAlerts(),
  ],
});
