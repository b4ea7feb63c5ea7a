import { EffectStack } from "../core/effect-stack.ts";
import { type Every, TimedWork } from "../core/timed-work.ts";
import { CAPABILITIES, type Capability } from "./reactor-capabilities.ts";
import type { ReactorContext } from "./reactor-context.ts";
import { ReactorDbPool } from "./reactor-db-pool.ts";
import { ReactorFunctionPool } from "./reactor-function-pool.ts";
import { ReactorJobQueue } from "./reactor-job-queue.ts";
import { ReactorLatencyWindow } from "./reactor-latency-window.ts";
import {
  ACQUIRE_TIMEOUT_SECONDS,
  BASE_5XX,
  CLIENT_ERRORS,
  DB_BACKED,
  type ErrorBurst,
  FUNCTIONS_5XX,
  MEDIAN_SECONDS,
  QUOTA,
  QUOTA_CHANCE,
  type ServedRequest,
} from "./reactor-request-model.ts";
import { ReactorSharedCluster } from "./reactor-shared-cluster.ts";
import type { ReactorState } from "./reactor-state.ts";
import { ReactorTraffic, type TrafficRequest } from "./reactor-traffic.ts";

/** Lines per fleet second: sampled request lines at INFO, failures at ERROR (bounded at any speed). */
const INFO_LINES = 3;
const ERROR_LINES = 5;
const DEBUG_LINES = 2;

/**
 * One reactor-server's seeded workload, one tick per fleet second: Poisson client requests
 * across the six capabilities (10–20/s, whatever the speed), function invocations, the job
 * queue and its workers, the database pool, the shared-cluster tenant cache, quotas and NATS
 * lag. The fault stacks turn its knobs.
 */
export class ReactorWorkload extends TimedWork {
  readonly errorBursts = new EffectStack<ErrorBurst>();
  readonly unhealthy = new EffectStack<Capability>();
  /** Active slow-query faults: the seconds each DB-backed request's queries hold a connection. */
  readonly slowQueries = new EffectStack<number>();
  /** Active job-worker stalls: how many times slower the workers progress. */
  readonly stalls: ReactorJobQueue["stalls"];

  readonly #ctx: ReactorContext;
  readonly #traffic: ReactorTraffic;
  readonly #requestRate: number;
  readonly #jobs: ReactorJobQueue;
  readonly #pool: ReactorDbPool;
  readonly #functions: ReactorFunctionPool;
  readonly #cluster: ReactorSharedCluster;

  #running = false;
  #ticks = 0;
  #budget = { info: 0, error: 0, debug: 0 };
  readonly #latency = new ReactorLatencyWindow();

  constructor(options: ReactorContext) {
    super(options.clock);
    this.#ctx = options;
    const random = this.#ctx.random;
    this.#traffic = new ReactorTraffic(random.derive("traffic"), options.deployment);
    this.#requestRate = random.uniform(10, 20);
    this.#jobs = new ReactorJobQueue({ ...options, random });
    this.stalls = this.#jobs.stalls;
    this.#pool = new ReactorDbPool({
      max: random.pick([20, 30, 50]),
      timeoutSeconds: ACQUIRE_TIMEOUT_SECONDS,
      random,
    });
    this.#functions = new ReactorFunctionPool({ ...options, random });
    this.#cluster = new ReactorSharedCluster({ ...options, random });
  }

  /** Boots (or, after a crash, reboots) the process: fresh counters, a cold function pool. */
  protected boot(restarted: boolean): void {
    if (restarted) {
      this.#ctx.metrics.initialize();
      this.#pool.reset();
    }
    this.#running = true;
    this.#functions.warm = 0;
    this.#ctx.log.info("reactor_server", "reactor-server starting", {
      version: "0.1.0",
      capabilities: CAPABILITIES.join(","),
    });
    for (const capability of CAPABILITIES) {
      this.#ctx.log.info(`reactor_${capability}`, "capability mounted", { capability });
    }
    this.#publishGauges();
  }

  /** The tick, once the process runs again. */
  protected schedule(every: Every): void {
    this.#running = true;
    every(1000, () => this.#tick());
  }

  /** Forgets the process, as a crash does. */
  protected override forget(): void {
    this.#running = false;
  }

  state(): ReactorState {
    return {
      running: this.#running,
      unhealthy: new Set(this.unhealthy.values()),
      poolExhausted: this.#pool.stats(this.#ctx.clock.now()).exhausted,
      poolMax: this.#pool.max,
      queueDepth: this.#jobs.depth,
    };
  }

  /**
   * Serves one request, simulated or real, arriving at fleet time `atMs` (now, by default):
   * decides its status and latency from the pool and the faults, counts it, and logs it within
   * the per-second line budget.
   */
  serve(request: TrafficRequest, atMs = this.#ctx.clock.now()): ServedRequest {
    const { status, durationSeconds } = this.#outcome(request, atMs);
    const { capability, method, path } = request;
    this.#ctx.metrics.httpRequests.inc({ capability, method, status: String(status) });
    this.#ctx.metrics.httpDuration.observe({ capability }, durationSeconds);
    this.#latency.add(capability, durationSeconds);
    const fields = { method, path, status, duration_ms: Math.round(durationSeconds * 1000) };
    const target = `reactor_${capability}`;
    if (status >= 500) {
      if (this.#budget.error-- > 0) this.#ctx.log.error(target, "request failed", fields);
    } else if (this.#budget.info > 0 && this.#ctx.random.chance(0.25)) {
      this.#budget.info--;
      this.#ctx.log.info(target, "request completed", fields);
    }
    return { status, durationSeconds };
  }

  // Status and latency of one request, faults first.
  #outcome(request: TrafficRequest, atMs: number): ServedRequest {
    const random = this.#ctx.random;
    const { capability, method } = request;
    let duration = Math.min(2, random.logNormal(MEDIAN_SECONDS[capability], 0.5));
    if (this.unhealthy.values().includes(capability)) {
      return { status: 503, durationSeconds: random.uniform(0.0005, 0.002) };
    }
    if (DB_BACKED.has(capability)) {
      // The request's queries hold a connection for its work, or for as long as a slow query
      // takes; the wait for a connection comes first.
      const slow = this.slowQueries.max();
      const hold = slow === undefined ? duration : Math.max(duration, random.logNormal(slow, 0.3));
      const acquire = this.#pool.acquire(atMs, hold);
      this.#ctx.metrics.dbAcquire.observe(acquire.waitSeconds);
      if (acquire.timedOut) {
        this.#debug(`reactor_${capability}`, "db pool acquire timed out", {
          waited_ms: ACQUIRE_TIMEOUT_SECONDS * 1000,
        });
        return { status: 503, durationSeconds: acquire.waitSeconds + 0.001 };
      }
      duration = acquire.waitSeconds + hold;
    }
    if (request.fn !== undefined)
      duration += this.#functions.invoke(request.fn, (...line) => this.#debug(...line));
    const burst = Math.max(
      0,
      ...this.errorBursts
        .values()
        .filter((b) => b.capability === "all" || b.capability === capability)
        .map((b) => b.ratio),
    );
    if (burst > 0 && random.chance(burst)) {
      const status = Number(random.weighted({ 500: 0.7, 502: 0.1, 503: 0.2 }));
      return { status, durationSeconds: duration };
    }
    if (random.chance(capability === "functions" ? FUNCTIONS_5XX : BASE_5XX)) {
      return { status: capability === "functions" ? 502 : 500, durationSeconds: duration };
    }
    const resource = QUOTA[capability];
    if (resource !== undefined && random.chance(QUOTA_CHANCE)) {
      this.#ctx.metrics.quotaExceeded.inc({ tenant: request.tenant, resource });
      this.#debug(`reactor_${capability}`, "quota exceeded", { tenant: request.tenant, resource });
      return { status: 429, durationSeconds: random.uniform(0.0005, 0.002) };
    }
    for (const [status, p] of Object.entries(CLIENT_ERRORS[capability])) {
      if (random.chance(p)) return { status: Number(status), durationSeconds: duration };
    }
    return { status: this.#success(capability, method), durationSeconds: duration };
  }

  // The success status a capability answers a method with.
  #success(capability: Capability, method: string): number {
    if (method === "DELETE") return 204;
    if (method === "POST") return capability === "auth" || capability === "functions" ? 200 : 201;
    if ((capability === "sites" || capability === "storage") && this.#ctx.random.chance(0.1))
      return 304;
    return 200;
  }

  // Writes a debug line within the per-second budget.
  #debug(target: string, message: string, fields: Record<string, string | number>): void {
    if (this.#budget.debug-- > 0) this.#ctx.log.debug(target, message, fields);
  }

  // One fleet second of work.
  #tick(): void {
    this.#ticks++;
    this.#budget = { info: INFO_LINES, error: ERROR_LINES, debug: DEBUG_LINES };
    this.#latency.rotate();
    // The second's requests arrive spread over it, so the pool sees them one after another.
    const now = this.#ctx.clock.now();
    const n = this.#ctx.random.poisson(this.#requestRate);
    for (let i = 0; i < n; i++) this.serve(this.#traffic.next(), now - 1000 + (i * 1000) / n);
    this.#pool.settle(now);
    this.#jobs.tick(this.#ticks);
    this.#cluster.tick({
      exhausted: this.#pool.stats(now).exhausted,
      queueDepth: this.#jobs.depth,
      poolMax: this.#pool.max,
      tick: this.#ticks,
    });
    this.#publishGauges();
  }

  // Gauges from the current state, so a scrape and /health agree.
  #publishGauges(): void {
    const m = this.#ctx.metrics;
    const pool = this.#pool.stats(this.#ctx.clock.now());
    m.dbPoolSize.set(pool.size);
    m.dbPoolIdle.set(pool.idle);
    m.supavisorWaiting.set(pool.waiting);
    m.jobsQueueDepth.set(this.#jobs.depth);
    m.fnWarmPool.set(this.#functions.warm);
    this.#cluster.publish();
    if (this.#ticks % 5 === 0 || this.#ticks <= 1) {
      for (const capability of CAPABILITIES) {
        m.latencyP99.set({ capability }, this.#latency.p99(capability));
      }
    }
  }
}
