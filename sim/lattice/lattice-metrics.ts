import type { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { CatalogueRegistry } from "../core/catalogue-registry.ts";
import { readCatalogue } from "../core/read-catalogue.ts";
import { registryFromCatalogue } from "../core/registry-from-catalogue.ts";
import type { Organism } from "./lattice-organisms.ts";

/**
 * Latency buckets in seconds: the red-line thresholds (4 s auction window and slot deadline,
 * 12 s slot and round period, 24 s two block times) are bucket bounds, so P95 > threshold is exact.
 */
const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 12, 16, 24, 30, 60, 120];

/**
 * One lattice member's metrics on its own Registry: mosaik's (discovery, Raft, lattice info) and
 * its organism's, every series labelled lattice, organism and role as mosaik's exporter labels
 * them, built from fixtures/lattice/catalogue.json.
 *
 * @example
 * const metrics = new LatticeMetrics({ lattice: "lattice0", latticeId, organism: "zipnet", role: "server" });
 * metrics.counter("zipnet_commits_per_slot").inc();
 */
export class LatticeMetrics {
  readonly registry: Registry;
  readonly organism: Organism;
  readonly #latticeId: string;
  readonly #metrics: CatalogueRegistry;

  constructor(options: { lattice: string; latticeId: string; organism: Organism; role: string }) {
    this.organism = options.organism;
    this.#latticeId = options.latticeId;
    const catalogue = readCatalogue("lattice");
    this.#metrics = registryFromCatalogue(catalogue, {
      include: (m) => m.organisms === "all" || (m.organisms ?? []).includes(options.organism),
      omitLabels: Object.keys(catalogue.exporterLabels ?? {}),
      defaultLabels: { lattice: options.lattice, organism: options.organism, role: options.role },
      buckets: { default: LATENCY_BUCKETS },
    });
    this.registry = this.#metrics.registry;
    this.initialize();
  }

  /** Zeroes every series, as a freshly started process exposes them (a rate needs a first 0). */
  initialize(): void {
    this.registry.resetMetrics();
    for (const counter of this.#metrics.counters()) counter.inc(0);
    for (const histogram of this.#metrics.histograms()) histogram.zero({});
    this.gauge("mosaik_lattice_info").set({ lattice_id: this.#latticeId }, 1);
    this.gauge("discovery_peers_total").set(0);
    this.gauge("mosaik_raft_is_leader").set(0);
    this.gauge("mosaik_raft_has_leader").set(0);
    if (this.#metrics.has("zipnet_server_up")) this.gauge("zipnet_server_up").set(1);
    if (this.#metrics.has("unseal_member_tdx_attested"))
      this.gauge("unseal_member_tdx_attested").set(1);
    if (this.#metrics.has("atelier_member_tdx_attested"))
      this.gauge("atelier_member_tdx_attested").set(1);
    if (this.#metrics.has("tally_chain_rpc_lag_seconds"))
      this.gauge("tally_chain_rpc_lag_seconds").set(0);
  }

  counter(name: string): Counter {
    return this.#metrics.counter(name);
  }

  gauge(name: string): Gauge {
    return this.#metrics.gauge(name);
  }

  histogram(name: string): Histogram {
    return this.#metrics.histogram(name);
  }

  /** Whether this member's organism exposes the metric. */
  has(name: string): boolean {
    return this.#metrics.has(name);
  }
}
