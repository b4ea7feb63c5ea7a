import { defineScenario, dsfb, expectAlert, expectNoOtherAlerts } from "firedrill";

// dsfb-0 hangs: scrapes time out, `up` is 0, and after `for: 1m` DsfbExporterDown (warning; an
// alert firedrill adds, see fixtures/dsfb/rules.yml) fires. It answers again at the heal.
export default defineScenario({
  name: "dsfb-exporter-down",
  description: "The dsfb-0 exporter hangs; DsfbExporterDown fires and resolves.",
  fleet: { dsfb: { nodes: 2 } },
  duration: "14m",
  faults: [{ id: "hang", at: "2m", heal: "6m", fault: dsfb.nodeHang({ node: "dsfb-0" }) }],
  expect: [
    expectAlert("DsfbExporterDown")
      .withLabels({ node: "dsfb-0", severity: "warning" })
      .firesWithin("3m", { after: "hang" })
      .deliveredTo("tickets")
      .resolvesWithin("2m"),
    expectNoOtherAlerts(),
  ],
});
