/** Fleet seconds the cache hit ratio gauge looks back. */
const HIT_WINDOW_S = 60;

/** One second's prefix lookups of a model. */
interface HitBucket {
  second: number;
  hits: number;
  lookups: number;
}

/**
 * A router's prefix-cache hits per model over the last minute of fleet time, for its
 * cgn_router_cache_hit_ratio gauge. Until lookups come in, a model's ratio is the warm cache a
 * running router would have (0.6); a minute without lookups keeps the last ratio.
 */
export class RouterHitWindow {
  readonly #buckets = new Map<string, HitBucket[]>();
  readonly #ratio = new Map<string, number>();

  constructor(models: readonly string[]) {
    for (const model of models) this.#ratio.set(model, 0.6);
  }

  /** Adds one request's lookups at fleet second `second` to the model's window. */
  record(model: string, hits: number, lookups: number, second: number): void {
    const buckets = this.#buckets.get(model) ?? [];
    const last = buckets[buckets.length - 1];
    if (last?.second === second) {
      last.hits += hits;
      last.lookups += lookups;
    } else buckets.push({ second, hits, lookups });
    while ((buckets[0]?.second ?? second) <= second - HIT_WINDOW_S) buckets.shift();
    this.#buckets.set(model, buckets);
  }

  /** The model's hit ratio over the window ending at fleet second `second`. */
  ratio(model: string, second: number): number {
    const buckets = (this.#buckets.get(model) ?? []).filter(
      (b) => b.second > second - HIT_WINDOW_S,
    );
    const lookups = buckets.reduce((sum, b) => sum + b.lookups, 0);
    if (lookups > 0) this.#ratio.set(model, buckets.reduce((sum, b) => sum + b.hits, 0) / lookups);
    return this.#ratio.get(model) ?? 0;
  }

  /** Forgets the lookups (a restarted router), keeping the last ratios. */
  clear(): void {
    this.#buckets.clear();
  }
}
