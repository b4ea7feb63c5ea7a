import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Catalogue, CatalogueMetric } from "./catalogue.ts";

/** How a node turns its system's catalogue into its own registry. */
export interface CatalogueRegistryOptions {
  /** Which of the catalogue's metrics this node exposes; default: all of them. */
  readonly include?: (metric: CatalogueMetric) => boolean;
  /** Labels that are not label names of the metric (target labels, default labels). */
  readonly omitLabels?: readonly string[];
  /** Labels the registry adds to every series (an exporter's own labels). */
  readonly defaultLabels?: Readonly<Record<string, string>>;
  /** Histogram buckets: by metric name, else `default`, else prom-client's defaults. */
  readonly buckets?: Readonly<Record<string, readonly number[]>>;
}

/**
 * One node's prom-client Registry holding its system's catalogued metrics, by name: the
 * catalogue's names, types, help and labels, declared once (no default metrics, no global
 * register).
 */
export class CatalogueRegistry {
  readonly registry = new Registry();
  readonly #metrics = new Map<string, Counter | Gauge | Histogram>();
  readonly #entries = new Map<string, CatalogueMetric>();

  constructor(catalogue: Catalogue, options: CatalogueRegistryOptions) {
    if (options.defaultLabels) this.registry.setDefaultLabels({ ...options.defaultLabels });
    const omit = new Set(options.omitLabels ?? []);
    const registers = [this.registry];
    for (const metric of catalogue.metrics) {
      if (options.include && !options.include(metric)) continue;
      const base = {
        name: metric.name,
        help: metric.help,
        labelNames: metric.labels.filter((l) => !omit.has(l)),
        registers,
      };
      const buckets = options.buckets?.[metric.name] ?? options.buckets?.default;
      this.#entries.set(metric.name, { ...metric, labels: base.labelNames });
      this.#metrics.set(
        metric.name,
        metric.type === "counter"
          ? new Counter(base)
          : metric.type === "gauge"
            ? new Gauge(base)
            : new Histogram({ ...base, ...(buckets && { buckets: [...buckets] }) }),
      );
    }
  }

  /** Whether the node exposes the metric. */
  has(name: string): boolean {
    return this.#metrics.has(name);
  }

  counter<L extends string = string>(name: string): Counter<L> {
    return this.#get(name, Counter) as unknown as Counter<L>;
  }

  gauge<L extends string = string>(name: string): Gauge<L> {
    return this.#get(name, Gauge) as unknown as Gauge<L>;
  }

  histogram<L extends string = string>(name: string): Histogram<L> {
    return this.#get(name, Histogram) as unknown as Histogram<L>;
  }

  /** Every counter and histogram, for zeroing them as a fresh process exposes them. */
  counters(): Counter[] {
    return [...this.#metrics.values()].filter((m): m is Counter => m instanceof Counter);
  }

  histograms(): Histogram[] {
    return [...this.#metrics.values()].filter((m): m is Histogram => m instanceof Histogram);
  }

  /**
   * Creates the metric's series at 0, as a freshly started process exposes them (a rate over a
   * missing series is no data, not 0): one series per combination of the label values, in the
   * catalogue's label order; a label not given takes the values the catalogue fixes for it.
   */
  zero(name: string, labels: Readonly<Record<string, string | readonly string[]>> = {}): void {
    const entry = this.#entries.get(name);
    if (!entry) throw new TypeError(`The registry has no metric named ${name}`);
    let series: Record<string, string>[] = [{}];
    for (const label of entry.labels) {
      const values = labels[label] ?? entry.labelValues?.[label];
      if (values === undefined) {
        throw new TypeError(`No values for label ${label} of ${name}: pass them to zero()`);
      }
      const list = typeof values === "string" ? [values] : values;
      series = series.flatMap((s) => list.map((value) => ({ ...s, [label]: value })));
    }
    const metric = this.#metrics.get(name);
    for (const s of series) {
      if (metric instanceof Counter) metric.inc(s, 0);
      else if (metric instanceof Gauge) metric.set(s, 0);
      else metric?.zero(s);
    }
  }

  // A metric the node does not expose, or of another type, is a bug in the workload.
  #get(name: string, type: abstract new (...args: never[]) => object): object {
    const metric = this.#metrics.get(name);
    if (!(metric instanceof type)) {
      throw new TypeError(`The registry has no ${type.name.toLowerCase()} named ${name}`);
    }
    return metric;
  }
}
