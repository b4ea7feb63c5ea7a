import type { ExpectationResult } from "../result/index.ts";
import type { Observations } from "../runner/observations.ts";
import type { Expectation, FaultStep } from "../scenario/types.ts";

/** What validating one expectation may use: the timeline, and how to fail naming the place. */
export interface ExpectationCheck {
  /** `expect[i]`, the place of this expectation in the scenario. */
  readonly place: string;
  /** The scenario's fault steps by id. */
  readonly steps: ReadonlyMap<string, FaultStep>;
  /** Throws the scenario's InputError: `<place> <problem>`. */
  fail(place: string, problem: string): never;
  /** Parses a duration field, failing naming its place when it is not one. */
  duration(value: unknown, place: string): number;
}

/** What judging one expectation may use: the whole scenario's expectations and what was seen. */
export interface ExpectationJudging {
  readonly all: readonly Expectation[];
  readonly observations: Observations;
  readonly parseSeconds: (duration: string) => number;
}

/**
 * What an expectation says about an alert, for `firedrill coverage`: that it fires, that it
 * stays silent, that every alert no firing expectation names stays silent, or nothing.
 */
export type CoverageClaim =
  | { readonly claim: "fires"; readonly alert: string }
  | { readonly claim: "silent"; readonly alert: string }
  | { readonly claim: "names"; readonly alert: string }
  | { readonly claim: "others-silent" }
  | { readonly claim: "none" };

/**
 * One kind of expectation (`fires`, `never-fires`, ...): how a scenario's use of it is checked at
 * load, how it is judged against what a run observed, and what it claims for coverage. The
 * registry (expectation-kinds.ts) holds one per kind.
 */
export interface ExpectationKind<E extends Expectation> {
  readonly kind: E["kind"];
  /** Checks what the type checker cannot (its fault step exists, its durations parse). */
  validate(expectation: E, check: ExpectationCheck): void;
  /** Judges it against a run's observations. */
  evaluate(expectation: E, judging: ExpectationJudging): ExpectationResult;
  /** What it says about an alert, for coverage. */
  coverage(expectation: E): CoverageClaim;
}
