import type { FleetSeconds } from "./fleet-seconds.ts";

/**
 * The series behind one alert over a scenario, for plotting next to its threshold: a range
 * query of the left side of each comparison in the alert's rule (`x > 0.5` plots `x`), sampled
 * on one shared time axis. Whoever runs the stack fills it in — the live runner queries
 * Prometheus before the stack stops; a virtual-time runner records the same from its own TSDB.
 *
 * Bounded so that a report stays small: at most ~500 times and a few series per alert.
 * @example { alertname: "X", expr: "rate(e[5m]) > 0.5", query: "rate(e[5m])", times: [0, 15],
 *   series: [{ labels: { node: "n-1" }, values: [0.1, 0.7] }], thresholds: [{ op: ">", value: 0.5 }] }
 */
export interface AlertSeries {
  readonly alertname: string;
  /** The rule's expression as written, in fleet time. */
  readonly expr: string;
  /** What was plotted: the expression's left side of its comparison, or the whole expression. */
  readonly query: string;
  /** Fleet seconds since t=0 of every sample, ascending; every series' values align with it. */
  readonly times: readonly FleetSeconds[];
  /** Up to a few series (label sets) of the query; null where the query had no value then. */
  readonly series: readonly {
    readonly labels: Readonly<Record<string, string>>;
    readonly values: readonly (number | null)[];
  }[];
  /**
   * The lines the series are compared with: a number (`> 0.5`), or, for a right side that is an
   * expression, the values of that expression at `times` (one line, its first series).
   */
  readonly thresholds: readonly {
    readonly op: string;
    readonly value: number | readonly (number | null)[];
  }[];
  /** Why no series could be plotted (the query failed, or returned nothing), if so. */
  readonly note?: string;
}
