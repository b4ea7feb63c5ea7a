import { describe, expect, it } from "vitest";
import type { AlertCoverage, Coverage } from "./coverage.ts";
import { renderCoverage } from "./render-coverage.ts";

const alert = (
  system: string,
  name: string,
  fires: string[],
  silent: string[],
  boundary: string[] = [],
): AlertCoverage => ({
  system,
  alert: name,
  files: [`fixtures/${system}/rules.yml`],
  fires,
  silent,
  boundary,
});

const many = Array.from({ length: 9 }, (_, i) => `reactor-scenario-number-${i}`);

const alerts = [
  alert(
    "cosmictron",
    "CosmictronWalFsyncLatency",
    ["cosmictron-stall"],
    ["cosmictron-baseline", "cosmictron-crash"],
    ["cosmictron-baseline"],
  ),
  alert(
    "cosmictron",
    "CosmictronTsaFailures",
    [],
    ["cosmictron-stall", "cosmictron-baseline", "cosmictron-crash"],
  ),
  alert("cosmictron", "CosmictronNoLiveness", ["cosmictron-crash"], ["cosmictron-baseline"]),
  alert("dsfb", "DsfbExporterDown", [], []),
  alert("reactor", "ReactorHighErrorRate", [], many.slice(0, 8)),
];

// The gaps are those of the alerts above, as computeCoverage finds them.
const gap = ({ system, alert }: AlertCoverage) => ({ system, alert });

const coverage: Coverage = {
  alerts,
  scenariosBySystem: {
    cosmictron: ["cosmictron-stall", "cosmictron-baseline", "cosmictron-crash"],
    dsfb: [],
    reactor: many,
  },
  notFired: alerts.filter((a) => a.fires.length === 0).map(gap),
  notCheckedSilent: alerts.filter((a) => a.silent.length === 0).map(gap),
  unknownAlerts: [
    {
      alert: "CosmictronWalFsyncLatncy",
      scenario: "cosmictron-stall",
      file: "scenarios/stall.scenario.ts",
      kind: "fires",
    },
    {
      alert: "ReactorDown",
      scenario: "cosmictron-baseline",
      file: "scenarios/baseline.scenario.ts",
      kind: "never-fires",
    },
  ],
  complete: false,
};

describe("renderCoverage", () => {
  it("prints a table per system, then what is left out", () => {
    expect(renderCoverage(coverage)).toMatchInlineSnapshot(`
      "cosmictron: 3 alerts, 3 scenarios with cosmictron nodes: cosmictron-stall, cosmictron-baseline, cosmictron-crash
        ALERT                      FIRES IN          CHECKED SILENT IN
        CosmictronWalFsyncLatency  cosmictron-stall  every other cosmictron scenario (2); boundary: cosmictron-baseline
        CosmictronTsaFailures      -                 every cosmictron scenario (3)
        CosmictronNoLiveness       cosmictron-crash  cosmictron-baseline; boundary: none

      dsfb: 1 alert, 0 scenarios with dsfb nodes
        ALERT                      FIRES IN          CHECKED SILENT IN
        DsfbExporterDown           -                 -

      reactor: 1 alert, 9 scenarios with reactor nodes: reactor-scenario-number-0, reactor-scenario-number-1,
          reactor-scenario-number-2, reactor-scenario-number-3, reactor-scenario-number-4, reactor-scenario-number-5,
          reactor-scenario-number-6, reactor-scenario-number-7, reactor-scenario-number-8
        ALERT                      FIRES IN          CHECKED SILENT IN
        ReactorHighErrorRate       -                 reactor-scenario-number-0, reactor-scenario-number-1,
                                                     reactor-scenario-number-2, reactor-scenario-number-3,
                                                     reactor-scenario-number-4, reactor-scenario-number-5,
                                                     reactor-scenario-number-6, reactor-scenario-number-7

      Alerts no scenario makes fire (3):
        cosmictron  CosmictronTsaFailures
        dsfb        DsfbExporterDown
        reactor     ReactorHighErrorRate

      Alerts no scenario checks silent (1):
        dsfb  DsfbExporterDown

      Expectations naming an alert no rule file defines (2):
        cosmictron-stall (scenarios/stall.scenario.ts): fires CosmictronWalFsyncLatncy
        cosmictron-baseline (scenarios/baseline.scenario.ts): never fires ReactorDown

      5 alerts: 2 fire in a scenario, 4 are checked silent, 1 has a boundary drill; 2 unknown alert names.
      "
    `);
  });

  it("says so when everything is covered", () => {
    const covered: Coverage = {
      alerts: [alert("dsfb", "DsfbExporterDown", ["dsfb-down"], ["dsfb-baseline"])],
      scenariosBySystem: { dsfb: ["dsfb-baseline", "dsfb-down"] },
      notFired: [],
      notCheckedSilent: [],
      unknownAlerts: [],
      complete: true,
    };
    expect(renderCoverage(covered)).toMatchInlineSnapshot(`
      "dsfb: 1 alert, 2 scenarios with dsfb nodes: dsfb-baseline, dsfb-down
        ALERT             FIRES IN   CHECKED SILENT IN
        DsfbExporterDown  dsfb-down  dsfb-baseline; boundary: none

      All alerts (1) are made to fire and checked silent; no unknown alert names. 0 have a boundary drill.
      "
    `);
  });
});
