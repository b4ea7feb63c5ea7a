import { formatSeconds } from "./format-seconds.ts";
import type { RunProvenance } from "./result.ts";

// firedrill tune's report (tune.json), in result/ so that reports/ can render it (tune.html).

/** The threshold `firedrill tune` moves: the first number an ordering comparison tests against. */
export interface TunedThreshold {
  readonly op: string;
  readonly value: number;
  /** The comparison's left side, for the table's title. */
  readonly left: string;
}

/** The alert's rule as written: its threshold (if it has one) and its `for`. */
export interface AlertRuleShape {
  readonly threshold?: TunedThreshold;
  readonly for: string;
}

/** One value tried: a threshold and a `for`. */
export interface TuneCandidate {
  readonly threshold?: number;
  readonly for: string;
  /** Whether this is the rule as written. */
  readonly asWritten: boolean;
}

/** What one drill said about one value. */
export interface TuneDrillOutcome {
  readonly scenario: string;
  /** fault: the drill expects the alert to fire; noise: it must not page. */
  readonly role: "fault" | "noise";
  readonly state: "passed" | "failed" | "skipped";
  /** Fault drills: fleet seconds from the fault to firing and to the first page. */
  readonly faultToFiring: number | null;
  readonly faultToDelivered: number | null;
  /** Fault drills: the detection budget the configuration implies. */
  readonly budgetSeconds: number | null;
  /** Firing notifications of the alert the drill's receivers got. */
  readonly pages: number;
  /**
   * Times the alert fired (its firing episodes). A noise drill fails on a firing, as
   * expectNoOtherAlerts does in `firedrill run`, even one too short for group_wait to send.
   */
  readonly firings: number;
  /** Why it failed (the expectation's message), or was skipped. */
  readonly note?: string;
}

/** One row of the table: a value and what every drill said. */
export interface TuneRow {
  readonly candidate: TuneCandidate;
  readonly drills: readonly TuneDrillOutcome[];
  /** Every fault drill's expectation held and paged within its budget. */
  readonly catchesEveryFault: boolean;
  /** Pages of the alert in noise drills. */
  readonly noisePages: number;
  /** Times the alert fired in noise drills (a firing fails a noise drill, paged or not). */
  readonly noiseFirings: number;
  readonly verdict: "good" | "misses" | "noisy" | "misses, noisy";
}

/** tune.json: the rule, the values tried, the verdicts. */
export interface TuneReport extends RunProvenance {
  /** The alert whose rule was swept, and the time the drills ran in. */
  readonly alert: string;
  readonly time: "live" | "virtual";
  /** The rule file that holds it, as given. */
  readonly ruleFile: string;
  /** Its threshold and `for` as the file writes them. */
  readonly asWritten: AlertRuleShape;
  /** The scenarios that expect the alert to fire (it must catch each). */
  readonly faultDrills: readonly string[];
  /** The scenarios in which it must not page. */
  readonly noiseDrills: readonly string[];
  /** One row per threshold × `for` tried, thresholds outermost, in the order given. */
  readonly rows: readonly TuneRow[];
}

/** A value as the table and the folders name it: `threshold 0.3, for 5m`. */
export function candidateLabel(candidate: TuneCandidate): string {
  return `${candidate.threshold !== undefined ? `threshold ${candidate.threshold}, ` : ""}for ${candidate.for}`;
}

/**
 * A fault drill's cell in the tune table (terminal and HTML): the fault → page latency, ✗ when
 * its expectation failed or the page came after the budget, `missed` when it never fired.
 */
export function faultCell(o: TuneDrillOutcome): string {
  if (o.state === "skipped") return "skipped";
  if (o.faultToDelivered === null) return o.faultToFiring === null ? "missed" : "fired, no page";
  const late = o.state === "failed" ? " ✗" : "";
  return `${formatSeconds(o.faultToDelivered)}${late}`;
}
