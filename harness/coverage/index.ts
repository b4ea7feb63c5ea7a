/** Which scenarios exercise which alerts of the rule files: `firedrill coverage`. */
export type { AlertRule } from "./alert-rule.ts";
export { computeCoverage } from "./compute-coverage.ts";
export type { AlertCoverage, AlertRef, Coverage, UnknownAlert } from "./coverage.ts";
export { readAlertRules } from "./read-alert-rules.ts";
export { renderCoverage } from "./render-coverage.ts";
