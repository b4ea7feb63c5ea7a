import { describe, expect, it } from "vitest";
import { InputError } from "../errors.ts";
import { rewriteExpr } from "./rewrite-expr.ts";
import { WallClockRuleError } from "./wall-clock-rule-error.ts";

const place = { file: "rules.yml", group: "g", rule: "R" };
const head = 'Failed to rewrite rules.yml: group "g", rule "R" for speed 30';

describe("rewriteExpr", () => {
  it.each([
    ['rate(x{status="error"}[5m]) > 0.05', '(rate(x{status="error"}[10s]) / 30) > 0.05'],
    ["irate(x[1m])", "(irate(x[2s]) / 30)"],
    ["deriv(g[15m]) > 1", "(deriv(g[30s]) / 30) > 1"],
    // Not per second: their windows scale, their values do not.
    [
      "increase(x[1h]) + delta(g[10m]) - idelta(g[2m])",
      "increase(x[2m]) + delta(g[20s]) - idelta(g[4s])",
    ],
    ["changes(g[15m]) > 3 or resets(x[1h]) > 0", "changes(g[30s]) > 3 or resets(x[2m]) > 0"],
    ["avg_over_time(g[5m]) / max_over_time(g[1h])", "avg_over_time(g[10s]) / max_over_time(g[2m])"],
    ["count_over_time(up[10m]) < 30", "count_over_time(up[20s]) < 30"],
    ["quantile_over_time(0.9, g[30m])", "quantile_over_time(0.9, g[1m])"],
    // Nested functions and aggregations.
    [
      "sum by (job) (rate(x[5m])) / ignoring(status) group_left sum without (status) (rate(y[5m]))",
      "sum by (job) ((rate(x[10s]) / 30)) / ignoring(status) group_left sum without (status) ((rate(y[10s]) / 30))",
    ],
    [
      "histogram_quantile(0.99, sum by (job, instance, node, le) (rate(h_bucket[5m]))) > 0.5",
      "histogram_quantile(0.99, sum by (job, instance, node, le) ((rate(h_bucket[10s]) / 30))) > 0.5",
    ],
    ["abs(clamp_min(rate(x[2m]), 0))", "abs(clamp_min((rate(x[4s]) / 30), 0))"],
    ["topk(3, rate(x[5m]))", "topk(3, (rate(x[10s]) / 30))"],
    // Offsets, including negative ones and offsets on subqueries.
    ["rate(x[5m] offset 1h)", "(rate(x[10s] offset 2m) / 30)"],
    ["g offset -90s", "g offset -3s"],
    ["x - x offset 1d", "x - x offset 48m"],
    // Subqueries: range and step; an omitted step stays omitted (the global interval is scaled).
    ["max_over_time(rate(x[1m])[30m:1m])", "max_over_time((rate(x[2s]) / 30)[1m:2s])"],
    ["avg_over_time(g[1h:])", "avg_over_time(g[2m:])"],
    [
      "max_over_time(rate(x[1m])[30m:1m] offset 5m)",
      "max_over_time((rate(x[2s]) / 30)[1m:2s] offset 10s)",
    ],
    // predict_linear: its window scales and its seconds argument is fleet seconds.
    ["predict_linear(g[1h], 14400) < 0", "predict_linear(g[2m], 480) < 0"],
    ["predict_linear(g[1h], 4 * 3600) < 0", "predict_linear(g[2m], (4 * 3600) / 30) < 0"],
    // Sample-based smoothing: the same samples give the same value.
    [
      "double_exponential_smoothing(g[10m], 0.5, 0.5)",
      "double_exponential_smoothing(g[20s], 0.5, 0.5)",
    ],
    // Bare seconds in a range, sub-second results, and units combined.
    ["rate(x[90])", "(rate(x[3s]) / 30)"],
    ["rate(x[45s])", "(rate(x[1s500ms]) / 30)"],
    ["rate(x[1h30m])", "(rate(x[3m]) / 30)"],
    // Scalars, unary minus, bool modifiers, strings, and what has no time at all.
    ["-rate(x[5m]) > bool 0", "-(rate(x[10s]) / 30) > bool 0"],
    [
      'label_replace(up, "node", "$1", "instance", "(.*):.*") == 0',
      'label_replace(up, "node", "$1", "instance", "(.*):.*") == 0',
    ],
    ['up{job="cosmictron"} == 0', 'up{job="cosmictron"} == 0'],
    [
      "cosmictron_storage_bytes_used / cosmictron_storage_disk_total_bytes > 0.85",
      "cosmictron_storage_bytes_used / cosmictron_storage_disk_total_bytes > 0.85",
    ],
    // Layout and comments are kept.
    ["sum(\n  rate(x[5m]) # errors\n)", "sum(\n  (rate(x[10s]) / 30) # errors\n)"],
  ])("rewrites %s", (expr, expected) => {
    expect(rewriteExpr(expr, 30, place)).toBe(expected);
  });

  it("divides by a fractional speed as written", () => {
    expect(rewriteExpr("rate(x[5m])", 2.5)).toBe("(rate(x[2m]) / 2.5)");
  });

  it("leaves the expression untouched at speed 1", () => {
    const expr = "rate(x[5m]) > 0.05 and time() - y > 300";
    expect(rewriteExpr(expr, 1)).toBe(expr);
  });

  it.each([
    [
      "time() - last_success_timestamp_seconds > 3600",
      `${head}: time() at line 1, column 1 of expr returns wall-clock time, which does not speed up with the fleet. Run this rule at speed 1, or write it without wall-clock time.`,
    ],
    [
      "hour() > 22",
      `${head}: hour() at line 1, column 1 of expr returns wall-clock time, which does not speed up with the fleet. Run this rule at speed 1, or write it without wall-clock time.`,
    ],
    [
      "sum(x)\n  / timestamp(y)",
      `${head}: timestamp() at line 2, column 5 of expr returns wall-clock time, which does not speed up with the fleet. Run this rule at speed 1, or write it without wall-clock time.`,
    ],
    [
      "rate(x[5m] @ 1700000000)",
      `${head}: the @ modifier at line 1, column 12 of expr pins evaluation to a wall-clock timestamp, which does not speed up with the fleet. Run this rule at speed 1, or drop the @ modifier.`,
    ],
    [
      "rate(x[5m + 1m])",
      `${head}: the duration expression "5m + 1m" at line 1, column 8 of expr is computed, and firedrill scales only literal durations. Write it as one literal duration such as 6m.`,
    ],
    [
      "holt_winters(g[10m], 0.5, 0.5)",
      `${head}: holt_winters at line 1, column 1 of expr is unknown to firedrill's PromQL parser, which follows Prometheus 3 where it is double_exponential_smoothing. Run this rule at speed 1, or use double_exponential_smoothing with a Prometheus that knows it.`,
    ],
    [
      "rate(x[5ms])",
      'Failed to scale rules.yml: group "g", rule "R", duration 5ms at line 1, column 8 of expr: 5ms / 30 = 0.167ms, below the 1ms that Prometheus resolves. Run at speed 5 or lower, or lengthen the duration.',
    ],
  ])("refuses %j", (expr, message) => {
    const call = () => rewriteExpr(expr, 30, place);
    expect(call).toThrow(InputError);
    expect(call).toThrow(message);
  });

  it.each([
    [
      "sum(rate(x[5m])",
      `${head}: syntax error at line 1, column 16 of expr, at the end of the expression. Fix the expression; \`promtool check rules\` gives Prometheus' own reading.`,
    ],
    [
      "rate(x[5m]) >",
      `${head}: syntax error at line 1, column 14 of expr, at the end of the expression. Fix the expression; \`promtool check rules\` gives Prometheus' own reading.`,
    ],
    [
      "up{job=}",
      `${head}: syntax error at line 1, column 8 of expr, near "}". Fix the expression; \`promtool check rules\` gives Prometheus' own reading.`,
    ],
    [
      "rate(x[5m])\n  > > 1",
      `${head}: syntax error at line 2, column 5 of expr, near "> 1". Fix the expression; \`promtool check rules\` gives Prometheus' own reading.`,
    ],
    [
      "rates(x[5m])",
      `${head}: unknown function "rates" at line 1, column 1 of expr. Use a PromQL function; \`promtool check rules\` gives Prometheus' own reading.`,
    ],
  ])("reports the syntax error in %j with its position", (expr, message) => {
    expect(() => rewriteExpr(expr, 30, place)).toThrow(message);
  });

  it("names the expression when it has no rule", () => {
    expect(() => rewriteExpr("", 30)).toThrow(
      "Failed to rewrite the expression for speed 30: expr is empty. Write a PromQL expression.",
    );
  });

  // Prometheus 3 grammar: what scales with the fleet is rewritten, what cannot is refused.
  it.each([
    // anchored/smoothed read the edges of the range and the lookback, both divided by the speed.
    ["rate(x[5m] anchored)", "(rate(x[10s] anchored) / 30)"],
    ["increase(x[5m] smoothed)", "increase(x[10s] smoothed)"],
    ["x offset -5m", "x offset -10s"],
  ])("rewrites the Prometheus 3 form %j", (expr, rewritten) => {
    expect(rewriteExpr(expr, 30)).toBe(rewritten);
  });

  it.each([
    ["rate(x[5m*2])", '"5m*2" at line 1, column 8'],
    ["x offset min_of(5m, 1h)", '"min_of(5m, 1h)" at line 1, column 10'],
    ["rate(x[max_of(5m, 1h)])", '"max_of(5m, 1h)" at line 1, column 8'],
    ["sum_over_time(x[step()])", '"step()" at line 1, column 17'],
    ["max_over_time(rate(x[1m])[5m:step()])", '"step()" at line 1, column 30'],
  ])("refuses the computed duration in %j, naming it", (expr, where) => {
    expect(() => rewriteExpr(expr, 30)).toThrow(
      `Failed to rewrite the expression for speed 30: the duration expression ${where} of expr is computed, and firedrill scales only literal durations. Write it as one literal duration such as 6m.`,
    );
  });

  it.each([
    ["x @ start()", "the @ modifier at line 1, column 3"],
    ["x @ 1700000000", "the @ modifier at line 1, column 3"],
    ["time() - x", "time() at line 1, column 1"],
  ])("refuses %j as a rule for speed 1 only (WallClockRuleError)", (expr, what) => {
    expect(() => rewriteExpr(expr, 30)).toThrow(WallClockRuleError);
    expect(() => rewriteExpr(expr, 30)).toThrow(
      `Failed to rewrite the expression for speed 30: ${what} of expr`,
    );
  });
});
