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

  // A metric the node does not expose, or of another type, is a bug in the workload.
  #get(name: string, type: abstract new (...args: never[]) => object): object {
    const metric = this.#metrics.get(name);
    if (!(metric instanceof type)) {
      throw new TypeError(`The registry has no ${type.name.toLowerCase()} named ${name}`);
    }
    return metric;
  }
}
