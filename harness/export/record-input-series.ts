import type { DrillWallSpan } from "../observe/drill-wall-span.ts";
import type { PrometheusClient } from "../observe/prometheus-client.ts";

/** One series as a promtool test feeds it: its labels and one value per interval since t=0. */
export interface InputSeries {
  readonly labels: Readonly<Record<string, string>>;
  /** Index i is fleet time i × interval; null is no sample (`_`), "stale" a staleness marker. */
  readonly values: readonly (number | null | "stale")[];
}

/** What to record: the selectors, over which span of the drill, on which grid. */
export interface RecordInputSeriesRequest extends DrillWallSpan {
  readonly prometheus: PrometheusClient;
  readonly selectors: readonly string[];
  /** The grid: the fleet scrape interval, in seconds. */
  readonly intervalSeconds: number;
  /** Fleet seconds at which the drill ended: the grid's last point. */
  readonly endFleetSeconds: number;
}

/**
 * Reads back, before the stack stops, the raw samples Prometheus scraped for each selector
 * during the drill and lays them on the fleet's scrape grid from t=0: each sample goes to the
 * nearest grid point (a sped-up scrape lands a little off it), a series that stops for two
 * intervals or more while its target is still scraped gets a staleness marker where Prometheus
 * wrote one, and samples before t=0 are left out. Values are exactly as scraped.
 */
export async function recordInputSeries(request: RecordInputSeriesRequest): Promise<InputSeries[]> {
  const { prometheus, intervalSeconds } = request;
  const slots = Math.floor(request.endFleetSeconds / intervalSeconds) + 1;
  const rangeSeconds = Math.ceil((request.endWallMs - request.startWallMs) / 1000) + 1;
  const read = async (selector: string) => {
    const matrix = await prometheus.queryMatrix(
      `${selector}[${rangeSeconds}s]`,
      request.endWallMs / 1000,
    );
    return matrix.map((series) => {
      const values: (number | null | "stale")[] = new Array(slots).fill(null);
      for (const [at, text] of series.values) {
        const slot = Math.round(request.toFleetSeconds(at * 1000) / intervalSeconds);
        if (slot >= 0 && slot < slots) values[slot] = Number(text);
      }
      return { labels: series.metric, values };
    });
  };
  // `up` tells a series that ended (its target was scraped, or failed, without it: Prometheus
  // wrote a staleness marker) from a stall of the stack itself (no scrape at all: no marker).
  const up = await read('{__name__="up"}');
  const byKey = new Map<string, InputSeries>();
  for (const selector of request.selectors) {
    for (const series of await read(selector)) {
      const key = JSON.stringify(Object.entries(series.labels).sort());
      if (byKey.has(key)) continue;
      const target = up.find(
        (u) => u.labels.job === series.labels.job && u.labels.instance === series.labels.instance,
      );
      const scraped = (slot: number) =>
        target
          ? target.values[slot] !== null
          : [...byKey.values()].some((other) => other.values[slot] !== null);
      byKey.set(key, { labels: series.labels, values: markStale(series.values, scraped) });
    }
  }
  return [...byKey.values()].sort((a, b) => seriesText(a).localeCompare(seriesText(b)));
}

/**
 * A series that stops while its target is still scraped (or failing) ended there: Prometheus
 * wrote a staleness marker one scrape after its last sample. A gap without scrapes is not one.
 */
export function markStale(
  values: readonly (number | null | "stale")[],
  scraped: (slot: number) => boolean,
): (number | null | "stale")[] {
  const out = [...values];
  for (let i = 1; i < out.length; i++) {
    if (out[i] === null && out[i - 1] !== null && out[i - 1] !== "stale") {
      // Two missing in a row while the target answered (or failed): the series ended.
      const next = i + 1 < out.length ? out[i + 1] : null;
      if (next === null && scraped(i) && (i + 1 >= out.length || scraped(i + 1))) out[i] = "stale";
    }
  }
  return out;
}

/** A series as promtool's input_series names it: `metric{label="value", …}`. */
export function seriesText(series: Pick<InputSeries, "labels">): string {
  const { __name__: name = "", ...labels } = series.labels;
  const pairs = Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return `${name}{${pairs.join(", ")}}`;
}
