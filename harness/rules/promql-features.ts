import { parser } from "@prometheus-io/lezer-promql";
import type { RuleSource } from "./types.ts";

// Prometheus 3.16's experimental functions (promql/parser/functions.go, `Experimental: true`).
const EXPERIMENTAL_FUNCTIONS = new Set([
  "double_exponential_smoothing",
  "histogram_quantiles",
  "info",
  "integral",
  "mad_over_time",
  "max_of",
  "min_of",
  "range",
  "sort_by_label",
  "sort_by_label_desc",
  "start",
  "end",
  "start_timestamp",
  "step",
  "ts_of_first_over_time",
  "ts_of_last_over_time",
  "ts_of_max_over_time",
  "ts_of_min_over_time",
]);

/**
 * The Prometheus feature flags (`--enable-feature`) that the rules need to load at all: the
 * `anchored`/`smoothed` range modifiers (promql-extended-range-selectors) and the experimental
 * functions (promql-experimental-functions). Prometheus and promtool get exactly these, so a
 * rule file that parses on a user's Prometheus with the feature on also parses in a drill.
 * @example promqlFeatures(sources) // ["promql-extended-range-selectors"]
 */
export function promqlFeatures(sources: readonly RuleSource[]): string[] {
  const features = new Set<string>();
  for (const rule of sources.flatMap((s) => s.groups.flatMap((g) => g.rules))) {
    parser.parse(rule.expr).iterate({
      enter: (node) => {
        if (node.name === "Anchored" || node.name === "Smoothed") {
          features.add("promql-extended-range-selectors");
        }
        if (
          node.name === "FunctionIdentifier" &&
          EXPERIMENTAL_FUNCTIONS.has(rule.expr.slice(node.from, node.to))
        ) {
          features.add("promql-experimental-functions");
        }
      },
    });
  }
  return [...features].sort();
}
