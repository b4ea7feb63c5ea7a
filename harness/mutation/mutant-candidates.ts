import { type AlertRule, computeCoverage } from "../coverage/index.ts";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import { parseDuration } from "../time/index.ts";
import { MUTATION_KINDS, type MutationKind } from "./mutation-kind.ts";

/** The drills to run against a mutant, in order, until one kills it. */
export interface MutantCandidate {
  readonly scenario: LoadedScenario;
  /** Whether it expects the alert to fire (a run of it may stop once the alert missed its window). */
  readonly fires: boolean;
}

/**
 * For each mutant, the drills that can kill it (MUTATION_KINDS): those that expect its alert to
 * fire, shortest first; for a kind that may fire more, then (`both`) or first (`silent`) those that
 * expect it to stay silent (`firedrill coverage`'s silent drills of the alert's system), its
 * boundary drills first, then the rest, shortest first; or for a route mutant, those that expect
 * a page at its receiver. `rules` are the rule files' alerts and the
 * added noise rules, so that coverage knows each alert's system.
 */
export function mutantCandidates(
  loaded: readonly LoadedScenario[],
  rules: readonly AlertRule[],
): (alert: string, kind: MutationKind) => MutantCandidate[] {
  const coverage = computeCoverage(loaded, rules);
  const byName = new Map(loaded.map((l) => [l.scenario.name, l]));
  const shortest = (a: LoadedScenario, b: LoadedScenario) =>
    parseDuration(a.scenario.duration) - parseDuration(b.scenario.duration);
  const named = (names: readonly string[]) =>
    names.flatMap((n) => {
      const l = byName.get(n);
      return l ? [l] : [];
    });
  return (alert, kind) => {
    const seeks = MUTATION_KINDS[kind];
    if (seeks === "route") {
      const paging = loaded
        .filter((l) => l.scenario.expect.some((e) => e.kind === "fires" && e.receiver === alert))
        .sort(shortest);
      // A repeated page needs an alert that stays firing past a group_interval: longest first.
      if (kind === "repeat-interval-short") paging.reverse();
      return paging.map((scenario) => ({ scenario, fires: true }));
    }
    const entry = coverage.alerts.find((a) => a.alert === alert);
    const fires = loaded
      .filter((l) => l.scenario.expect.some((e) => e.kind === "fires" && e.alert === alert))
      .sort(shortest);
    const boundary = named(entry?.boundary ?? []).sort(shortest);
    const silent =
      seeks === "fires"
        ? []
        : [
            ...boundary,
            ...named(entry?.silent ?? [])
              .filter((l) => !boundary.includes(l))
              .sort(shortest),
          ];
    const firing = fires.map((scenario) => ({ scenario, fires: true }));
    const quiet = silent.map((scenario) => ({ scenario, fires: false }));
    // A firing drill also catches a rule that fires more: on another instance, or before the fault.
    return seeks === "silent" ? [...quiet, ...firing] : [...firing, ...quiet];
  };
}
