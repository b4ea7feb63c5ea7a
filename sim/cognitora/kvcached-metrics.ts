import type { Gauge, Histogram, Registry } from "prom-client";
import { readCatalogue } from "../core/read-catalogue.ts";
import { registryFromCatalogue } from "../core/registry-from-catalogue.ts";
import { LABEL_VALUES } from "./cognitora-labels.ts";

const LOOKUP_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1];

/**
 * cgn-kvcached's series on its own Registry: prefix lookups by tier and outcome, and the blocks
 * and bytes each tier holds.
 *
 * @example
 * const metrics = new KvcachedMetrics();
 * metrics.lookup.observe({ tier: "cpu", outcome: "hit" }, 0.0004);
 */
export class KvcachedMetrics {
  readonly registry: Registry;
  readonly lookup: Histogram<"tier" | "outcome">;
  readonly blocks: Gauge<"tier">;
  readonly bytes: Gauge<"tier">;

  constructor() {
    const metrics = registryFromCatalogue(readCatalogue("cognitora"), {
      include: (m) => m.binary === "cgn-kvcached",
      buckets: { default: LOOKUP_BUCKETS },
    });
    this.registry = metrics.registry;
    this.lookup = metrics.histogram("cgn_kvcached_lookup_seconds");
    this.blocks = metrics.gauge("cgn_kvcached_blocks");
    this.bytes = metrics.gauge("cgn_kvcached_bytes");
    this.initialize();
  }

  /** Zeroes every series, as a process start does. */
  initialize(): void {
    this.registry.resetMetrics();
    for (const tier of LABEL_VALUES.kvcachedTier) {
      for (const outcome of LABEL_VALUES.lookupOutcome) this.lookup.zero({ tier, outcome });
      this.blocks.set({ tier }, 0);
      this.bytes.set({ tier }, 0);
    }
  }
}
