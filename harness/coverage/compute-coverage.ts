import { expectationKind } from "../expectations/index.ts";
import { fleetNodeIds } from "../scenario/fleet-nodes.ts";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import type { AlertRule } from "./alert-rule.ts";
import type { AlertCoverage, AlertRef, Coverage, UnknownAlert } from "./coverage.ts";

/** What one scenario says about alerts. */
interface ScenarioFacts {
  readonly name: string;
  readonly systems: ReadonlySet<string>;
  readonly fires: ReadonlySet<string>;
  readonly neverFires: ReadonlySet<string>;
  readonly noOthers: boolean;
  /** The names of the faults it injects. */
  readonly faults: ReadonlySet<string>;
}

/** Reads a scenario's fleet systems and the alerts its expectations name. */
function factsOf(scenario: LoadedScenario["scenario"]): ScenarioFacts {
  const claims = scenario.expect.map((e) => expectationKind(e).coverage(e));
  const named = (claim: "fires" | "silent") =>
    new Set(claims.flatMap((c) => (c.claim === claim ? [c.alert] : [])));
  return {
    name: scenario.name,
    systems: new Set(
      [...fleetNodeIds(scenario.fleet)].filter(([, ids]) => ids.length > 0).map(([s]) => s),
    ),
    fires: named("fires"),
    neverFires: named("silent"),
    noOthers: claims.some((c) => c.claim === "others-silent"),
    faults: new Set(scenario.faults.map((f) => f.fault.name)),
  };
}

/**
 * Matches scenarios' expectations against the alerting rules: for each alert, the scenarios that
 * make it fire and those that check it stays silent (a scenario whose fleet has no node of the
 * alert's system proves nothing about it), then the alerts left out and the expectations naming
 * an alert no rule defines.
 *
 * @example
 * const coverage = computeCoverage(await loadScenarios(["scenarios/"]), await readAlertRules(files));
 * if (!coverage.complete) process.exitCode = 1;
 */
export function computeCoverage(
  scenarios: readonly LoadedScenario[],
  rules: readonly AlertRule[],
): Coverage {
  const facts = scenarios.map((s) => factsOf(s.scenario));
  const systems = [...new Set(rules.map((r) => r.system))].sort();
  const alerts: AlertCoverage[] = systems.flatMap((system) => {
    const own = rules.filter((r) => r.system === system);
    return [...new Set(own.map((r) => r.alert))].map((alert) => {
      const fires = facts.filter((f) => f.fires.has(alert));
      const silent = facts.filter(
        (f) =>
          f.systems.has(system) && (f.neverFires.has(alert) || (f.noOthers && !f.fires.has(alert))),
      );
      const firingFaults = new Set(fires.flatMap((f) => [...f.faults]));
      return {
        system,
        alert,
        files: [...new Set(own.filter((r) => r.alert === alert).map((r) => r.file))],
        fires: fires.map((f) => f.name),
        silent: silent.map((f) => f.name),
        boundary: silent
          .filter((f) => [...f.faults].some((n) => firingFaults.has(n)))
          .map((f) => f.name),
      };
    });
  });
  const defined = new Set(rules.map((r) => r.alert));
  const unknownAlerts: UnknownAlert[] = [];
  for (const { file, scenario } of scenarios) {
    for (const e of scenario.expect) {
      const claim = expectationKind(e).coverage(e);
      if (!("alert" in claim) || defined.has(claim.alert)) continue;
      // Only the kinds whose claim names an alert reach here.
      const kind = e.kind as UnknownAlert["kind"];
      const alert = claim.alert;
      if (
        unknownAlerts.some(
          (u) => u.scenario === scenario.name && u.alert === alert && u.kind === kind,
        )
      )
        continue;
      unknownAlerts.push({ alert, scenario: scenario.name, file, kind });
    }
  }
  const ref = (a: AlertCoverage): AlertRef => ({ system: a.system, alert: a.alert });
  const notFired = alerts.filter((a) => a.fires.length === 0).map(ref);
  const notCheckedSilent = alerts.filter((a) => a.silent.length === 0).map(ref);
  return {
    alerts,
    scenariosBySystem: Object.fromEntries(
      systems.map((system) => [
        system,
        facts.filter((f) => f.systems.has(system)).map((f) => f.name),
      ]),
    ),
    notFired,
    notCheckedSilent,
    unknownAlerts,
    complete: notFired.length === 0 && notCheckedSilent.length === 0 && unknownAlerts.length === 0,
  };
}
