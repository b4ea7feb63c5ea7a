import { describe, expect, it } from "vitest";
import { expectAlert, expectNoOtherAlerts } from "../scenario/expect-alert.ts";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import type { ExpectationSource, FleetShape } from "../scenario/types.ts";
import type { AlertRule } from "./alert-rule.ts";
import { computeCoverage } from "./compute-coverage.ts";

/** A loaded scenario: coverage reads the fleet, the expectations and the faults' names. */
function scenario(
  name: string,
  fleet: FleetShape,
  expect: ExpectationSource[],
  faultNames: string[] = [],
): LoadedScenario {
  return {
    file: `scenarios/${name}.scenario.ts`,
    scenario: {
      name,
      fleet,
      duration: "10m",
      faults: faultNames.map((n, i) => ({ id: `f${i}`, at: "1m", fault: { name: n, params: {} } })),
      expect: expect.map((e) => e.toExpectation()),
    },
  };
}

const fires = (alert: string) => expectAlert(alert).firesWithin("5m", { after: "fault" });
const rule = (alert: string, system: string, file = `fixtures/${system}/rules.yml`): AlertRule => ({
  alert,
  system,
  file,
});

const scenarios = [
  scenario("cosmictron-stall", { cosmictron: { nodes: 2 } }, [
    fires("CosmictronWalFsyncLatency"),
    expectNoOtherAlerts(),
  ]),
  scenario("cosmictron-baseline", { cosmictron: { nodes: 1 } }, [expectNoOtherAlerts()]),
  // No cosmictron node: says nothing about cosmictron's alerts.
  scenario("reactor-baseline", { reactor: { nodes: 1 } }, [expectNoOtherAlerts()]),
  scenario("reactor-quiet", { reactor: { nodes: 1 } }, [
    expectAlert("ReactorHighErrorRate").withLabels({ node: "reactor-0" }).neverFires(),
    expectAlert("CosmictronTsaFailures").neverFires(),
    fires("ReactorHighErorRate"),
    fires("ReactorHighErorRate"),
  ]),
];

const rules = [
  rule("CosmictronWalFsyncLatency", "cosmictron"),
  rule("CosmictronTsaFailures", "cosmictron"),
  rule("ReactorHighErrorRate", "reactor"),
  // The same alert at two severities, in two files.
  rule("ReactorHighErrorRate", "reactor", "extra/rules.yml"),
  rule("DsfbExporterDown", "dsfb"),
];

describe("computeCoverage", () => {
  it("finds what makes each alert fire, what checks it silent, and what is left out", () => {
    expect(computeCoverage(scenarios, rules)).toEqual({
      alerts: [
        {
          system: "cosmictron",
          alert: "CosmictronWalFsyncLatency",
          files: ["fixtures/cosmictron/rules.yml"],
          fires: ["cosmictron-stall"],
          silent: ["cosmictron-baseline"],
          boundary: [],
        },
        {
          system: "cosmictron",
          alert: "CosmictronTsaFailures",
          files: ["fixtures/cosmictron/rules.yml"],
          fires: [],
          // reactor-quiet's never-fires does not count: its fleet has no cosmictron node.
          silent: ["cosmictron-stall", "cosmictron-baseline"],
          boundary: [],
        },
        {
          system: "dsfb",
          alert: "DsfbExporterDown",
          files: ["fixtures/dsfb/rules.yml"],
          fires: [],
          silent: [],
          boundary: [],
        },
        {
          system: "reactor",
          alert: "ReactorHighErrorRate",
          files: ["fixtures/reactor/rules.yml", "extra/rules.yml"],
          fires: [],
          silent: ["reactor-baseline", "reactor-quiet"],
          boundary: [],
        },
      ],
      scenariosBySystem: {
        cosmictron: ["cosmictron-stall", "cosmictron-baseline"],
        dsfb: [],
        reactor: ["reactor-baseline", "reactor-quiet"],
      },
      notFired: [
        { system: "cosmictron", alert: "CosmictronTsaFailures" },
        { system: "dsfb", alert: "DsfbExporterDown" },
        { system: "reactor", alert: "ReactorHighErrorRate" },
      ],
      notCheckedSilent: [{ system: "dsfb", alert: "DsfbExporterDown" }],
      unknownAlerts: [
        {
          alert: "ReactorHighErorRate",
          scenario: "reactor-quiet",
          file: "scenarios/reactor-quiet.scenario.ts",
          kind: "fires",
        },
      ],
      complete: false,
    });
  });

  it("is complete when every alert fires in one scenario and is checked silent in another", () => {
    const coverage = computeCoverage(scenarios.slice(0, 2), rules.slice(0, 1));
    expect(coverage.complete).toBe(true);
    expect([coverage.notFired, coverage.notCheckedSilent, coverage.unknownAlerts]).toEqual([
      [],
      [],
      [],
    ]);
  });

  it("does not count expectNoOtherAlerts for an alert the same scenario makes fire", () => {
    const only = computeCoverage(scenarios.slice(0, 1), rules.slice(0, 1));
    expect(only.alerts[0]?.silent).toEqual([]);
    expect(only.notCheckedSilent).toEqual([
      { system: "cosmictron", alert: "CosmictronWalFsyncLatency" },
    ]);
  });

  it("counts a never-fires expectation with the alert's system in the fleet", () => {
    const quiet = scenario("cosmictron-quiet", { cosmictron: { nodes: 1 } }, [
      expectAlert("CosmictronTsaFailures").neverFires(),
    ]);
    expect(computeCoverage([quiet], rules.slice(1, 2)).alerts[0]?.silent).toEqual([
      "cosmictron-quiet",
    ]);
  });

  it("names a drill that injects the same fault as one where the alert fires, but must stay silent, as its boundary", () => {
    const stall = "cosmictron.wal.fsync-stall";
    const drills = [
      scenario(
        "stall",
        { cosmictron: { nodes: 1 } },
        [fires("CosmictronWalFsyncLatency"), expectNoOtherAlerts()],
        [stall],
      ),
      scenario("stall-below-line", { cosmictron: { nodes: 1 } }, [expectNoOtherAlerts()], [stall]),
      scenario(
        "crash",
        { cosmictron: { nodes: 1 } },
        [expectNoOtherAlerts()],
        ["cosmictron.node.crash"],
      ),
    ];
    const [latency] = computeCoverage(drills, [
      rule("CosmictronWalFsyncLatency", "cosmictron"),
    ]).alerts;
    expect([latency?.silent, latency?.boundary]).toEqual([
      ["stall-below-line", "crash"],
      ["stall-below-line"],
    ]);
  });
});
