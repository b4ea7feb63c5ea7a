import { findComparisons } from "../promql/find-comparisons.ts";
import type { AlertSeries } from "../result/index.ts";
import { readRuleText } from "../rules/index.ts";
import { rewriteExpr } from "../time/index.ts";
import type { DrillWallSpan } from "./drill-wall-span.ts";
import type { MatrixSeries, PrometheusClient } from "./prometheus-client.ts";

/** At most this many samples per series, and series per plot, and plots per alert. */
export const SERIES_LIMITS = { points: 500, series: 4, plots: 2 } as const;

/** What to query: which alerts, over which span of the drill, against which rule files. */
export interface AlertSeriesRequest extends DrillWallSpan {
  readonly prometheus: PrometheusClient;
  /** Alert names to plot (those the scenario names or saw), in the order to plot them. */
  readonly alerts: readonly string[];
  /** The rule sources' plain rule-file texts (RuleSource.text), in fleet time. */
  readonly ruleTexts: readonly string[];
  readonly speed: number;
  /** The scrape interval in wall seconds: no step finer than it. */
  readonly minStepSeconds: number;
  /** Label sets of the alert seen pending or firing: their series are plotted first. */
  readonly seen: (alert: string) => readonly Readonly<Record<string, string>>[];
}

// The first `expr` of each alerting rule, by alert name.
function alertExprs(ruleTexts: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [i, text] of ruleTexts.entries()) {
    const { sources } = readRuleText(text, `rule source ${i + 1}`);
    for (const rule of sources.flatMap((source) => source.groups).flatMap((g) => g.rules)) {
      if (rule.kind === "alert" && !out.has(rule.name)) out.set(rule.name, rule.expr.trim());
    }
  }
  return out;
}

// A sample value as a number; NaN and ±Inf (which JSON cannot carry) become gaps.
function sampleValue(text: string): number | null {
  const value = Number(text);
  return Number.isFinite(value) ? Number(value.toPrecision(6)) : null;
}

/**
 * Queries Prometheus, before the stack stops, for the series behind each alert: for each
 * distinct left side of its rule's comparisons (`x > 0.5` → `x`; the whole expression when it
 * has none) a range query over the drill, rewritten for the stack's speed, its step chosen so
 * that no series has more than SERIES_LIMITS.points samples. A right side that is a number is a
 * threshold line; one that is an expression is queried too. Failures become a `note`, never an
 * error: a plot is not worth a failed drill.
 */
export async function collectAlertSeries(request: AlertSeriesRequest): Promise<AlertSeries[]> {
  const { prometheus, speed, startWallMs, endWallMs } = request;
  const exprs = alertExprs(request.ruleTexts);
  const start = startWallMs / 1000;
  const end = Math.max(start, endWallMs / 1000);
  const step = Math.max(request.minStepSeconds, (end - start) / (SERIES_LIMITS.points - 1));
  const count = Math.floor((end - start) / step) + 1;
  const times = Array.from({ length: count }, (_, i) =>
    Number(request.toFleetSeconds((start + i * step) * 1000).toFixed(1)),
  );
  const aligned = (series: MatrixSeries) => {
    const values: (number | null)[] = new Array(count).fill(null);
    for (const [t, v] of series.values) {
      const i = Math.round((t - start) / step);
      if (i >= 0 && i < count) values[i] = sampleValue(v);
    }
    return values;
  };
  const range = (fleetExpr: string) =>
    prometheus.queryRange(rewriteExpr(fleetExpr, speed), start, end, step);
  const out: AlertSeries[] = [];
  for (const alertname of request.alerts) {
    const expr = exprs.get(alertname);
    if (expr === undefined) continue;
    const comparisons = findComparisons(expr);
    const queries = [...new Set(comparisons.map((c) => c.left.text))];
    if (queries.length === 0) queries.push(expr);
    for (const query of queries.slice(0, SERIES_LIMITS.plots)) {
      const mine = comparisons.filter((c) => c.left.text === query);
      const base = { alertname, expr, query, times };
      try {
        const thresholds = await Promise.all(
          mine.map(async (c) => ({
            op: c.op,
            value:
              c.right.node === "NumberDurationLiteral"
                ? Number(c.right.text)
                : ((await range(c.right.text)).map(aligned)[0] ?? new Array(count).fill(null)),
          })),
        );
        const found = await range(query);
        const seen = request.seen(alertname);
        const isSeen = (s: MatrixSeries) =>
          seen.some((labels) =>
            Object.entries(s.metric).every(([k, v]) => labels[k] === undefined || labels[k] === v),
          );
        // Seen series first, then those that went furthest the way the comparison fires.
        const peak = (s: MatrixSeries) => {
          const values = s.values.map(([, v]) => Number(v)).filter(Number.isFinite);
          const low = mine[0]?.op.startsWith("<");
          return values.length === 0 ? -Infinity : low ? -Math.min(...values) : Math.max(...values);
        };
        const chosen = [...found]
          .sort((a, b) => Number(isSeen(b)) - Number(isSeen(a)) || peak(b) - peak(a))
          .slice(0, SERIES_LIMITS.series);
        out.push({
          ...base,
          series: chosen.map((s) => ({ labels: s.metric, values: aligned(s) })),
          thresholds,
          ...(found.length === 0 ? { note: "the query returned no series" } : {}),
        });
      } catch (error) {
        out.push({ ...base, series: [], thresholds: [], note: (error as Error).message });
      }
    }
  }
  return out;
}
