import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { LATTICE_METRICS } from "./lattice-metric-specs.ts";
import type { Organism } from "./lattice-organisms.ts";

/**
 * Latency buckets in seconds: the red-line thresholds (4 s auction window and slot deadline,
 * 12 s slot and round period, 24 s two block times) are bucket bounds, so P95 > threshold is exact.
 */
const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 12, 16, 24, 30, 60, 120];

/**
 * One lattice member's metrics on its own Registry: mosaik's (discovery, Raft, lattice info) and
 * its organism's, every series labelled lattice, organism and role as mosaik's exporter labels
 * them. Names, types and help: fixtures/lattice/catalogue.json.
 *
 * @example
 * const metrics = new LatticeMetrics({ lattice: "lattice0", latticeId, organism: "zipnet", role: "server" });
 * metrics.counter("zipnet_commits_per_slot").inc();
 */
export class LatticeMetrics {
  readonly registry = new Registry();
  readonly organism: Organism;
  readonly #latticeId: string;
  readonly #counters = new Map<string, Counter>();
  readonly #gauges = new Map<string, Gauge>();
  readonly #histograms = new Map<string, Histogram>();

  constructor(options: { lattice: string; latticeId: string; organism: Organism; role: string }) {
    this.organism = options.organism;
    this.#latticeId = options.latticeId;
    this.registry.setDefaultLabels({
      lattice: options.lattice,
      organism: options.organism,
      role: options.role,
    });
    const registers = [this.registry];
    for (const spec of LATTICE_METRICS) {
      if (spec.organisms !== "all" && !spec.organisms.includes(options.organism)) continue;
      const base = {
        name: spec.name,
        help: spec.help,
        labelNames: spec.extraLabels ?? [],
        registers,
      };
      if (spec.type === "counter") this.#counters.set(spec.name, new Counter(base));
      else if (spec.type === "gauge") this.#gauges.set(spec.name, new Gauge(base));
      else this.#histograms.set(spec.name, new Histogram({ ...base, buckets: LATENCY_BUCKETS }));
    }
    this.initialize();
  }

  /** Zeroes every series, as a freshly started process exposes them (a rate needs a first 0). */
  initialize(): void {
    this.registry.resetMetrics();
    for (const counter of this.#counters.values()) counter.inc(0);
    for (const histogram of this.#histograms.values()) histogram.zero({});
    this.gauge("mosaik_lattice_info").set({ lattice_id: this.#latticeId }, 1);
    this.gauge("discovery_peers_total").set(0);
    this.gauge("mosaik_raft_is_leader").set(0);
    if (this.#gauges.has("zipnet_server_up")) this.gauge("zipnet_server_up").set(1);
    if (this.#gauges.has("unseal_member_tdx_attested"))
      this.gauge("unseal_member_tdx_attested").set(1);
    if (this.#gauges.has("atelier_member_tdx_attested"))
      this.gauge("atelier_member_tdx_attested").set(1);
    if (this.#gauges.has("tally_chain_rpc_lag_seconds"))
      this.gauge("tally_chain_rpc_lag_seconds").set(0);
  }

  counter(name: string): Counter {
    return this.#get(this.#counters, name);
  }

  gauge(name: string): Gauge {
    return this.#get(this.#gauges, name);
  }

  histogram(name: string): Histogram {
    return this.#get(this.#histograms, name);
  }

  /** Whether this member's organism exposes the metric. */
  has(name: string): boolean {
    return this.#counters.has(name) || this.#gauges.has(name) || this.#histograms.has(name);
  }

  // A metric the organism does not expose is a bug in the workload, not bad input.
  #get<M>(map: ReadonlyMap<string, M>, name: string): M {
    const metric = map.get(name);
    if (!metric) throw new TypeError(`Lattice ${this.organism} member has no metric ${name}`);
    return metric;
  }
}
