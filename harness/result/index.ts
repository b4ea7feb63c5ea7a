// What a run produces, and the hooks that see it happen: the only part of the harness that
// reports/ may import (biome.json enforces it), so that reporters stay apart from the runner.
export type { AlertSeries } from "./alert-series.ts";
export { describeAlert } from "./describe-alert.ts";
export type { ComputedWindow, DetectionBudget, DetectionLatency } from "./detection-latency.ts";
export { formatSeconds } from "./format-seconds.ts";
export { labelKey } from "./label-key.ts";
export type {
  Reporter,
  ScenarioInfo,
  SuiteEndReason,
  SuiteInfo,
  SuiteRun,
} from "./reporter.ts";
export type {
  AlertRecord,
  DeliveryRecord,
  ExpectationResult,
  FaultRecord,
  FiringObservation,
  FleetSeconds,
  RunInputs,
  RunProvenance,
  RunResult,
  ScenarioResult,
} from "./result.ts";
export {
  type AlertRuleShape,
  candidateLabel,
  faultCell,
  type TuneCandidate,
  type TuneDrillOutcome,
  type TunedThreshold,
  type TuneReport,
  type TuneRow,
} from "./tune-report.ts";
