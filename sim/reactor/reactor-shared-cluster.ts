import type { ReactorContext } from "./reactor-context.ts";
import { NATS_CONSUMERS } from "./reactor-metrics.ts";

const TENANT_CACHE_CAPACITY = 5000;

/**
 * What a reactor-server shares with its cluster: the tenant cache and the NATS consumers' lag,
 * drifting around their seeded levels; an exhausted database pool piles up the first consumer's
 * lag and tenants' db_connections quota errors, and the job queue's depth the second consumer's.
 */
export class ReactorSharedCluster {
  readonly #ctx: Pick<ReactorContext, "random" | "deployment" | "metrics" | "log">;
  readonly #natsLevels: readonly number[];
  #cached: number;
  #nats: number[];

  constructor(options: Pick<ReactorContext, "random" | "deployment" | "metrics" | "log">) {
    this.#ctx = options;
    this.#natsLevels = NATS_CONSUMERS.map(() => options.random.uniform(2, 30));
    this.#nats = [...this.#natsLevels];
    this.#cached = options.deployment.cachedTenants;
  }

  /** One fleet second of drift; `state` is the node's pool and job queue this second. */
  tick(state: { exhausted: boolean; queueDepth: number; poolMax: number; tick: number }): void {
    const random = this.#ctx.random;
    const target = this.#ctx.deployment.cachedTenants;
    this.#cached = Math.max(
      0,
      Math.min(
        TENANT_CACHE_CAPACITY,
        Math.round(
          this.#cached + (target - this.#cached) * 0.05 + random.normal() * target * 0.005,
        ),
      ),
    );
    const { exhausted } = state;
    this.#nats = this.#nats.map((pending, i) => {
      const level = (this.#natsLevels[i] ?? 10) + (i === 1 ? state.queueDepth / 4 : 0);
      const grow = exhausted && i === 0 ? 20 : 0;
      return Math.max(0, pending + (level - pending) * (grow ? 0 : 0.2) + grow + random.normal());
    });
    if (exhausted) {
      this.#ctx.metrics.quotaExceeded.inc(
        { tenant: random.pick(this.#ctx.deployment.tenants), resource: "db_connections" },
        random.poisson(0.5),
      );
      if (state.tick % 15 === 0) {
        this.#ctx.log.warn("reactor_data", "db pool exhausted", { max: state.poolMax, idle: 0 });
      }
    }
  }

  /** Sets the tenant cache and NATS pending gauges. */
  publish(): void {
    this.#ctx.metrics.tenantCacheActive.set(this.#cached);
    NATS_CONSUMERS.forEach((consumer, i) => {
      this.#ctx.metrics.natsPending.set(
        { stream: "REACTOR", consumer },
        Math.round(this.#nats[i] ?? 0),
      );
    });
  }
}
