/**
 * Rule files as users keep them: plain Prometheus rule files and PrometheusRule objects, read
 * once into groups that know their file and line.
 */

export { promqlFeatures } from "./promql-features.ts";
export { readRuleFiles } from "./read-rule-files.ts";
export { readRuleText } from "./read-rule-text.ts";
export { resolveRuleFiles } from "./resolve-rule-files.ts";
export type {
  RuleEntry,
  RuleFiles,
  RuleGroup,
  RuleSource,
  RuleSourceKind,
  SkippedDocument,
} from "./types.ts";
