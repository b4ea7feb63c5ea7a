/**
 * The scenario model: which fleet to run, which faults to inject and heal at which fleet times,
 * and what the watching stack must do about them. Durations are written in fleet time
 * ("30s", "5m", "1h30m"), whatever the speed the run uses.
 */

import type { FleetShapeOf } from "../../sim/index.ts";

/** A Prometheus-style duration in fleet time: "500ms", "30s", "5m", "1h30m". */
export type Duration = string;

/**
 * The systems firedrill can simulate and how many nodes of each kind a scenario's fleet has: one
 * entry per module of sim/systems.ts, with its topology's shape fields. Node ids follow from the
 * shape (cosmictron-0, cgn-agent-1, lattice0-zipnet-2, ...).
 */
export type FleetShape = FleetShapeOf;

/** A fault as the sim's control API knows it: a name from the fault catalogue and its params. */
export interface FaultSpec {
  readonly name: string;
  /** A node id ("cosmictron-1"); absent means every node of the system. */
  readonly target?: string;
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

/** One step of the timeline: inject a fault at `at`, heal it at `heal` (or never). */
export interface FaultStep {
  /** Names this step for expectations ("fires within 5m after `stall`"). */
  readonly id: string;
  readonly at: Duration;
  readonly heal?: Duration;
  readonly fault: FaultSpec;
}

/** Labels an alert must carry; values are matched exactly. */
export type LabelMatch = Readonly<Record<string, string>>;

/** An alert must fire (and, optionally, be delivered and resolve) after a fault. */
export interface FiresExpectation {
  readonly kind: "fires";
  readonly alert: string;
  readonly labels: LabelMatch;
  /** The fault step the alert answers; the window starts when it is injected. */
  readonly after: string;
  readonly within: Duration;
  readonly receiver?: string;
  /** Resolve window, counted from the heal of `after`. */
  readonly resolvesWithin?: Duration;
  /** The alert may resolve and fire again within the scenario (flapping is otherwise a failure). */
  readonly mayFireAgain?: boolean;
}

/** An alert must never fire (pending is allowed: it is not a page). */
export interface NeverFiresExpectation {
  readonly kind: "never-fires";
  readonly alert: string;
  readonly labels: LabelMatch;
}

/** An alert is seen firing at some moment within `within` after a fault step (restored or re-fired). */
export interface FiringWithinExpectation {
  readonly kind: "firing-within";
  readonly alert: string;
  readonly labels: LabelMatch;
  readonly after: string;
  readonly within: Duration;
}

/** Spans reach the trace sink again within `within` after a fault step (the pipeline recovers). */
export interface SpansArriveExpectation {
  readonly kind: "spans-arrive";
  readonly after: string;
  readonly within: Duration;
}

/**
 * Instances of one alert whose `by` labels differ reach their receivers in separate
 * notifications (Alertmanager groups), never merged into one page.
 */
export interface SeparatePagesExpectation {
  readonly kind: "separate-pages";
  readonly alert: string;
  /** Only instances with these exact label values count. */
  readonly labels: LabelMatch;
  /** The labels that tell the pages apart: instances differing in any of them page separately. */
  readonly by: readonly string[];
}

/** No alert fires other than those a `fires` expectation of the scenario names. */
export interface NoOtherAlertsExpectation {
  readonly kind: "no-other-alerts";
}

export type Expectation =
  | FiresExpectation
  | NeverFiresExpectation
  | NoOtherAlertsExpectation
  | FiringWithinExpectation
  | SpansArriveExpectation
  | SeparatePagesExpectation;

/** A whole drill. */
export interface Scenario {
  /** Unique across a suite; `--scenario NAME` picks it. Lower-case words joined by dashes. */
  readonly name: string;
  readonly description?: string;
  readonly fleet: FleetShape;
  /** How long the drill runs, in fleet time, counted from t=0 (fleet and stack ready). */
  readonly duration: Duration;
  /** Seeds the fleet's workload; the same seed gives the same fleet. */
  readonly seed?: number;
  readonly faults: readonly FaultStep[];
  readonly expect: readonly Expectation[];
}

/** Anything that can produce an expectation (the fluent builders do). */
export interface ExpectationSource {
  toExpectation(): Expectation;
}
