import type { SeededRandom } from "../core/seeded-random.ts";
import type { ReactorDeployment } from "./reactor-deployment.ts";
import type { ReactorLog } from "./reactor-log.ts";
import { NATS_CONSUMERS, type ReactorMetrics } from "./reactor-metrics.ts";

const TENANT_CACHE_CAPACITY = 5000;

/**
 * What a reactor-server shares with its cluster: the tenant cache and the NATS consumers' lag,
 * drifting around their seeded levels; an exhausted database pool piles up the first consumer's
 * lag and tenants' db_connections quota errors, and a job backlog the second consumer's.
 */
export class ReactorSharedCluster {
  readonly #random: SeededRandom;
  readonly #deployment: ReactorDeployment;
  readonly #metrics: ReactorMetrics;
  readonly #log: ReactorLog;
  readonly #natsLevels: readonly number[];
  #cached: number;
  #nats: number[];

  constructor(options: {
    random: SeededRandom;
    deployment: ReactorDeployment;
    metrics: ReactorMetrics;
    log: ReactorLog;
  }) {
    this.#random = options.random;
    this.#deployment = options.deployment;
    this.#metrics = options.metrics;
    this.#log = options.log;
    this.#natsLevels = NATS_CONSUMERS.map(() => options.random.uniform(2, 30));
    this.#nats = [...this.#natsLevels];
    this.#cached = options.deployment.cachedTenants;
  }

  /** One fleet second of drift; `state` is the node's pool and job queue this second. */
  tick(state: { exhausted: boolean; backlog: number; poolMax: number; tick: number }): void {
    const random = this.#random;
    const target = this.#deployment.cachedTenants;
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
      const level = (this.#natsLevels[i] ?? 10) + (i === 1 ? state.backlog / 4 : 0);
      const grow = exhausted && i === 0 ? 20 : 0;
      return Math.max(0, pending + (level - pending) * (grow ? 0 : 0.2) + grow + random.normal());
    });
    if (exhausted) {
      this.#metrics.quotaExceeded.inc(
        { tenant: random.pick(this.#deployment.tenants), resource: "db_connections" },
        random.poisson(0.5),
      );
      if (state.tick % 15 === 0) {
        this.#log.warn("reactor_data", "db pool exhausted", { max: state.poolMax, idle: 0 });
      }
    }
  }

  /** Sets the tenant cache and NATS pending gauges. */
  publish(): void {
    this.#metrics.tenantCacheActive.set(this.#cached);
    NATS_CONSUMERS.forEach((consumer, i) => {
      this.#metrics.natsPending.set(
        { stream: "REACTOR", consumer },
        Math.round(this.#nats[i] ?? 0),
      );
    });
  }
}
