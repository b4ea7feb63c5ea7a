import type { Expectation } from "../scenario/types.ts";
import type { AlertSeries } from "./alert-series.ts";
import type { DetectionLatency } from "./detection-latency.ts";
import type { FleetSeconds } from "./fleet-seconds.ts";

export type { FleetSeconds } from "./fleet-seconds.ts";

/** What happened to one fault step. */
export interface FaultRecord {
  readonly id: string;
  readonly name: string;
  readonly target: string | null;
  readonly injectedAt: FleetSeconds | null;
  readonly healedAt: FleetSeconds | null;
}

/** One alert episode in fleet time. */
export interface AlertRecord {
  readonly alertname: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly pendingAt: FleetSeconds;
  readonly firingAt: FleetSeconds | null;
  /**
   * A live run's firingAt is the first poll that saw it firing; it fired after the poll before
   * (this time). Absent in virtual time, whose firingAt is exact.
   */
  readonly firedAfter?: FleetSeconds | null;
  /** The last poll that saw it firing. */
  readonly lastFiringAt?: FleetSeconds | null;
  /** When it stopped being active: resolved if it had fired. null: still active at the end. */
  readonly endedAt: FleetSeconds | null;
}

/** One alert of one notification a receiver got. */
export interface DeliveryRecord {
  readonly receiver: string;
  readonly status: "firing" | "resolved";
  readonly labels: Readonly<Record<string, string>>;
  /**
   * The notification's group as Alertmanager keys it (the webhook's `groupKey`, the same string
   * in virtual time): `{}/{severity=~"critical|page"}:{alertname="X", lattice="lattice0"}`, the
   * route's matchers and the group_by labels' values. Alerts of one notification share it.
   */
  readonly groupKey: string;
  readonly receivedAt: FleetSeconds;
}

/** The times observed for one firing expectation; null where it did not happen. */
export interface FiringObservation {
  readonly faultAt: FleetSeconds | null;
  readonly pendingAt: FleetSeconds | null;
  readonly firingAt: FleetSeconds | null;
  readonly deliveredAt: FleetSeconds | null;
  readonly deliveredTo: readonly string[];
  readonly healedAt: FleetSeconds | null;
  readonly resolvedAt: FleetSeconds | null;
  readonly resolvedDeliveredAt: FleetSeconds | null;
}

/** The verdict on one expectation. */
export type ExpectationResult =
  | {
      readonly state: "passed";
      readonly expectation: Expectation;
      readonly title: string;
      readonly observed?: FiringObservation;
      /** For firing expectations: detection and resolve latency next to the configured budget. */
      readonly latency?: DetectionLatency;
    }
  | {
      readonly state: "failed";
      readonly expectation: Expectation;
      readonly title: string;
      /** Names the alert, the expected window and what was observed. */
      readonly message: string;
      readonly observed?: FiringObservation;
      readonly latency?: DetectionLatency;
    };

/** The outcome of one scenario run. */
export interface ScenarioResult {
  readonly name: string;
  readonly file: string;
  /** The file and line of the scenario's `defineScenario` call. */
  readonly location?: { readonly file: string; readonly line: number };
  /**
   * passed: every expectation held; failed: one did not; error: the run itself broke;
   * skipped: this time mode cannot judge it (skipReason says why).
   */
  readonly state: "passed" | "failed" | "error" | "skipped";
  readonly error?: string;
  readonly skipReason?: string;
  /** The workload seeds it ran with (--seed/--seeds), and those whose verdict failed (to replay with --seed). */
  readonly seeds?: readonly number[];
  readonly failingSeeds?: readonly number[];
  readonly driver: string;
  readonly speed: number;
  readonly startedAt: string;
  readonly wallSeconds: number;
  readonly durationFleetSeconds: number;
  readonly faults: readonly FaultRecord[];
  readonly alerts: readonly AlertRecord[];
  readonly deliveries: readonly DeliveryRecord[];
  readonly expectations: readonly ExpectationResult[];
  /** Where the stack's and the fleet's logs were kept. */
  readonly logsDir?: string;
  /** Rules left out of this sped-up drill because they read wall-clock time: judge them at speed 1. */
  readonly speedOneRules?: readonly string[];
  /** The series behind each alert the scenario names or saw, for the HTML report's plots. */
  readonly series?: readonly AlertSeries[];
}

/**
 * What every report (results.json, mutants.json, tune.json) records of the run that made it.
 */
export interface RunProvenance {
  /** Prometheus', Alertmanager's and the Collector's versions (and the evaluator's, virtual). */
  readonly versions: Readonly<Record<string, string>>;
  readonly wallSeconds: number;
}

/** The outcome of a whole `firedrill run`. */
export interface RunResult extends RunProvenance {
  readonly runId: string;
  readonly startedAt: string;
  /** Metrics the rules rely on that the documents do not list. */
  readonly assumptions: readonly { metric: string; system: string; reason: string }[];
  /** The rule files and Alertmanager config the run applied, and how firedrill read them. */
  readonly inputs?: RunInputs;
  readonly scenarios: readonly ScenarioResult[];
}

/** What `--rules` and `--alertmanager-config` were read as, for the report. */
export interface RunInputs {
  /** Every document read for rules: file, 1-based document, plain rule file or PrometheusRule. */
  readonly rules: readonly { file: string; document: number; kind: string; object?: string }[];
  /** Documents of the rule files that are other Kubernetes objects, skipped. */
  readonly skippedRuleDocuments: readonly {
    file: string;
    document: number;
    kind: string;
    object?: string;
  }[];
  readonly alertmanagerConfig: {
    readonly file: string;
    /** What was applied beyond the file as written (AlertmanagerConfig merges); empty for a plain config. */
    readonly applied: readonly string[];
  };
}
