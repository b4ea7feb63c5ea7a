import { CatalogueMetrics } from "../core/catalogue-metrics.ts";

const LOOKUP_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1];

/**
 * cgn-kvcached's series on its own Registry: prefix lookups by tier and outcome, and the blocks
 * and bytes each tier holds.
 *
 * @example
 * const metrics = new KvcachedMetrics();
 * metrics.lookup.observe({ tier: "cpu", outcome: "hit" }, 0.0004);
 */
export class KvcachedMetrics extends CatalogueMetrics {
  readonly lookup = this.byName.histogram<"tier" | "outcome">("cgn_kvcached_lookup_seconds");
  readonly blocks = this.byName.gauge<"tier">("cgn_kvcached_blocks");
  readonly bytes = this.byName.gauge<"tier">("cgn_kvcached_bytes");

  constructor() {
    // Every tier and outcome the catalogue lists, as a process start creates them.
    super(
      "cognitora",
      { include: (m) => m.binary === "cgn-kvcached", buckets: { default: LOOKUP_BUCKETS } },
      (byName) => {
        byName.zero("cgn_kvcached_lookup_seconds");
        byName.zero("cgn_kvcached_blocks");
        byName.zero("cgn_kvcached_bytes");
      },
    );
  }
}
