/**
 * Time scaling: what a stack running N times faster than the fleet must see. Durations divided
 * by N, PromQL rewritten through the real parser (lezer-promql), per-second functions corrected.
 */
export { assertSpeed } from "./assert-speed.ts";
export { formatDuration } from "./format-duration.ts";
export { parseDuration } from "./parse-duration.ts";
export { type ExprPlace, rewriteExpr } from "./rewrite-expr.ts";
export { type RewriteRuleFileOptions, rewriteRuleFile } from "./rewrite-rule-file.ts";
export { scaleDuration } from "./scale-duration.ts";
export { scaleMilliseconds } from "./scale-milliseconds.ts";
export { type ScalePromtoolTestOptions, scalePromtoolTest } from "./scale-promtool-test.ts";
export { timeFunctions } from "./time-functions.ts";
