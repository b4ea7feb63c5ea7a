import type { Clock } from "../core/clock.ts";
import { EffectStack } from "../core/effect-stack.ts";
import type { SeededRandom } from "../core/seeded-random.ts";
import { type Every, TimedWork } from "../core/timed-work.ts";
import { CAPABILITIES, type Capability } from "./reactor-capabilities.ts";
import type { ReactorDeployment } from "./reactor-deployment.ts";
import type { ReactorLog } from "./reactor-log.ts";
import { NATS_CONSUMERS, type ReactorMetrics } from "./reactor-metrics.ts";
import { ReactorTraffic, type TrafficRequest } from "./reactor-traffic.ts";

/** A 5xx burst: `ratio` of one capability's (or every capability's) requests fail. */
export interface ErrorBurst {
  readonly capability: Capability | "all";
  readonly ratio: number;
}

/** A jobs backlog: the queue climbs to `depth` over `rampMs` while the workers are stuck. */
export interface BacklogPlan {
  readonly depth: number;
  readonly rampMs: number;
  readonly startMs: number;
}

/** What a served request came to. */
export interface ServedRequest {
  readonly status: number;
  readonly durationSeconds: number;
}

/** What /health and /_admin/doctor read, from the same state the gauges publish. */
export interface ReactorState {
  readonly running: boolean;
  readonly unhealthy: ReadonlySet<Capability>;
  readonly poolExhausted: boolean;
  readonly poolMax: number;
  readonly queueDepth: number;
}

/** Share of requests failing with a 5xx normally (far below the 5% alert). */
const BASE_5XX = 0.002;
const FUNCTIONS_5XX = 0.005;
/** Capabilities that take a database connection per request. */
const DB_BACKED: ReadonlySet<Capability> = new Set(["auth", "data", "storage", "jobs"]);
const MEDIAN_SECONDS: Readonly<Record<Capability, number>> = {
  auth: 0.015,
  data: 0.012,
  storage: 0.04,
  functions: 0.02,
  jobs: 0.008,
  sites: 0.004,
};
/** Client errors per capability: status → probability. */
const CLIENT_ERRORS: Readonly<Record<Capability, Readonly<Record<number, number>>>> = {
  auth: { 401: 0.04, 400: 0.01 },
  data: { 404: 0.015, 400: 0.005, 403: 0.005 },
  storage: { 404: 0.02, 403: 0.005 },
  functions: { 400: 0.01, 404: 0.003 },
  jobs: { 400: 0.005 },
  sites: { 404: 0.03 },
};
/** Requests that may breach a tenant quota (429), and the quota resource they count against. */
const QUOTA: Partial<Record<Capability, "requests" | "storage" | "functions">> = {
  data: "requests",
  storage: "storage",
  functions: "functions",
};
const QUOTA_CHANCE = 0.004;
/** The Supavisor pool's acquire timeout: exhausted requests fail after waiting this long. */
const ACQUIRE_TIMEOUT_SECONDS = 5;
/** Lines per fleet second: sampled request lines at INFO, failures at ERROR (bounded at any speed). */
const INFO_LINES = 3;
const ERROR_LINES = 5;
const DEBUG_LINES = 2;
/** Backlogged jobs the workers clear per fleet second once the backlog heals. */
const DRAIN_PER_SECOND = 40;
const TENANT_CACHE_CAPACITY = 5000;

/**
 * One reactor-server's seeded workload, one tick per fleet second: Poisson client requests
 * across the six capabilities (10–20/s, whatever the speed), function invocations, the job
 * queue and its workers, the database pool, the shared-cluster tenant cache, quotas and NATS
 * lag. The fault stacks turn its knobs.
 */
export class ReactorWorkload extends TimedWork {
  readonly errorBursts = new EffectStack<ErrorBurst>();
  readonly unhealthy = new EffectStack<Capability>();
  /** Active pool exhaustions: the share of DB-backed requests that time out waiting. */
  readonly poolExhaustions = new EffectStack<number>();
  readonly backlogs = new EffectStack<BacklogPlan>();

  readonly #clock: Clock;
  readonly #random: SeededRandom;
  readonly #deployment: ReactorDeployment;
  readonly #metrics: ReactorMetrics;
  readonly #log: ReactorLog;
  readonly #traffic: ReactorTraffic;
  readonly #requestRate: number;
  readonly #enqueueRate: number;
  readonly #workers: number;
  readonly #poolMax: number;
  readonly #warmTarget: number;
  readonly #natsLevels: readonly number[];

  #running = false;
  #ticks = 0;
  #budget = { info: 0, error: 0, debug: 0 };
  #queued = 0;
  #backlog = 0;
  #warm = 0;
  #cached: number;
  #nats: number[];
  #recent = new Map<Capability, number[][]>();

  constructor(options: {
    clock: Clock;
    random: SeededRandom;
    deployment: ReactorDeployment;
    metrics: ReactorMetrics;
    log: ReactorLog;
  }) {
    super(options.clock);
    this.#clock = options.clock;
    this.#random = options.random;
    this.#deployment = options.deployment;
    this.#metrics = options.metrics;
    this.#log = options.log;
    const random = this.#random;
    this.#traffic = new ReactorTraffic(random.derive("traffic"), options.deployment);
    this.#requestRate = random.uniform(10, 20);
    this.#enqueueRate = random.uniform(1.5, 3.5);
    this.#workers = random.int(6, 10);
    this.#poolMax = random.pick([20, 30, 50]);
    this.#warmTarget = random.int(3, 8);
    this.#natsLevels = NATS_CONSUMERS.map(() => random.uniform(2, 30));
    this.#nats = [...this.#natsLevels];
    this.#cached = options.deployment.cachedTenants;
  }

  /** Boots (or, after a crash, reboots) the process: fresh counters, a cold function pool. */
  protected boot(restarted: boolean): void {
    if (restarted) this.#metrics.initialize();
    this.#running = true;
    this.#warm = 0;
    this.#log.info("reactor_server", "reactor-server starting", {
      version: "0.1.0",
      capabilities: CAPABILITIES.join(","),
    });
    for (const capability of CAPABILITIES) {
      this.#log.info(`reactor_${capability}`, "capability mounted", { capability });
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
      poolExhausted: this.poolExhaustions.size > 0,
      poolMax: this.#poolMax,
      queueDepth: this.#queued + this.#backlog,
    };
  }

  /**
   * Serves one request, simulated or real: decides its status and latency from the faults,
   * counts it, and logs it within the per-second line budget.
   */
  serve(request: TrafficRequest): ServedRequest {
    const { status, durationSeconds } = this.#outcome(request);
    const { capability, method, path } = request;
    this.#metrics.httpRequests.inc({ capability, method, status: String(status) });
    this.#metrics.httpDuration.observe({ capability }, durationSeconds);
    this.#recentOf(capability)[0]?.push(durationSeconds);
    const fields = { method, path, status, duration_ms: Math.round(durationSeconds * 1000) };
    const target = `reactor_${capability}`;
    if (status >= 500) {
      if (this.#budget.error-- > 0) this.#log.error(target, "request failed", fields);
    } else if (this.#budget.info > 0 && this.#random.chance(0.25)) {
      this.#budget.info--;
      this.#log.info(target, "request completed", fields);
    }
    return { status, durationSeconds };
  }

  // Status and latency of one request, faults first.
  #outcome(request: TrafficRequest): ServedRequest {
    const random = this.#random;
    const { capability, method } = request;
    let duration = Math.min(2, random.logNormal(MEDIAN_SECONDS[capability], 0.5));
    if (this.unhealthy.values().includes(capability)) {
      return { status: 503, durationSeconds: random.uniform(0.0005, 0.002) };
    }
    if (DB_BACKED.has(capability)) {
      const exhausted = this.poolExhaustions.max();
      const acquire =
        exhausted === undefined
          ? Math.min(0.05, random.logNormal(0.0004, 0.6))
          : random.uniform(0.5, ACQUIRE_TIMEOUT_SECONDS);
      if (exhausted !== undefined && random.chance(exhausted)) {
        this.#metrics.dbAcquire.observe(ACQUIRE_TIMEOUT_SECONDS);
        this.#debug(`reactor_${capability}`, "db pool acquire timed out", {
          waited_ms: ACQUIRE_TIMEOUT_SECONDS * 1000,
        });
        return { status: 503, durationSeconds: ACQUIRE_TIMEOUT_SECONDS + duration };
      }
      this.#metrics.dbAcquire.observe(acquire);
      duration += acquire;
    }
    if (request.fn !== undefined) duration += this.#invoke(request.fn);
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
      this.#metrics.quotaExceeded.inc({ tenant: request.tenant, resource });
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
    if ((capability === "sites" || capability === "storage") && this.#random.chance(0.1))
      return 304;
    return 200;
  }

  // Invokes a function: warm from the Bun pool when it has an instance, else a cold start.
  #invoke(name: string): number {
    const fn = this.#deployment.functions.find((f) => f.name === name);
    if (!fn) return 0;
    const random = this.#random;
    const cold = fn.runtime === "bun" ? this.#warm <= 0 || random.chance(0.03) : random.chance(0.1);
    if (cold && fn.runtime === "bun") this.#warm = Math.min(this.#warmTarget, this.#warm + 1);
    const seconds = Math.min(
      5,
      random.logNormal(fn.medianSeconds, 0.5) + (cold ? random.uniform(0.08, 0.3) : 0),
    );
    const labels = { function: fn.name, runtime: fn.runtime };
    this.#metrics.fnInvocations.inc(labels);
    this.#metrics.fnInvokeDuration.observe({ ...labels, start: cold ? "cold" : "warm" }, seconds);
    if (cold) this.#debug("reactor_functions", "cold start", { ...labels });
    return seconds;
  }

  // Writes a debug line within the per-second budget.
  #debug(target: string, message: string, fields: Record<string, string | number>): void {
    if (this.#budget.debug-- > 0) this.#log.debug(target, message, fields);
  }

  // This second's latency list of a capability, newest first (60 s kept for the p99 gauge).
  #recentOf(capability: Capability): number[][] {
    let windows = this.#recent.get(capability);
    if (!windows) {
      windows = [[]];
      this.#recent.set(capability, windows);
    }
    return windows;
  }

  // One fleet second of work.
  #tick(): void {
    this.#ticks++;
    this.#budget = { info: INFO_LINES, error: ERROR_LINES, debug: DEBUG_LINES };
    for (const capability of CAPABILITIES) {
      const windows = this.#recentOf(capability);
      windows.unshift([]);
      if (windows.length > 60) windows.pop();
    }
    const n = this.#random.poisson(this.#requestRate);
    for (let i = 0; i < n; i++) this.serve(this.#traffic.next());
    this.#jobs();
    this.#sharedCluster();
    this.#publishGauges();
  }

  // The queue: seeded enqueues, workers completing runs, and any backlog fault on top.
  #jobs(): void {
    const random = this.#random;
    const now = this.#clock.now();
    const plans = this.backlogs.values();
    const stuck = plans.length > 0;
    this.#queued += random.poisson(this.#enqueueRate);
    const capacity = random.poisson(this.#workers * (stuck ? 0.3 : 1));
    const runs = Math.min(this.#queued, capacity);
    this.#queued -= runs;
    if (stuck) {
      const target = Math.max(
        ...plans.map((p) => {
          const progress =
            p.rampMs > 0 ? Math.min(1, Math.max(0, (now - p.startMs) / p.rampMs)) : 1;
          return p.depth * progress;
        }),
      );
      this.#backlog = Math.max(this.#backlog, Math.round(target - this.#queued));
    } else if (this.#backlog > 0) {
      const drained = Math.min(this.#backlog, DRAIN_PER_SECOND);
      this.#backlog -= drained;
      this.#metrics.jobsRuns.inc({ outcome: "completed" }, drained);
      if (this.#backlog === 0) this.#log.info("reactor_jobs", "job backlog drained", {});
    }
    for (let i = 0; i < runs; i++) {
      const failed = random.chance(0.02);
      const seconds = Math.min(300, random.logNormal(1.5, 0.8) * (stuck ? 5 : 1));
      this.#metrics.jobsRuns.inc({ outcome: failed ? "failed" : "completed" });
      this.#metrics.jobsRunDuration.observe(seconds);
      if (failed) {
        this.#log.warn("reactor_jobs", "job run failed", {
          job_id: random.int(100_000, 999_999),
          duration_ms: Math.round(seconds * 1000),
          error: "handler returned an error",
        });
      }
    }
    if (stuck && this.#ticks % 30 === 0) {
      this.#log.warn("reactor_jobs", "job queue backlog growing", {
        depth: this.#queued + this.#backlog,
      });
    }
  }

  // Tenant cache, Supavisor pool and NATS consumer lag drift around their seeded levels.
  #sharedCluster(): void {
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
    const exhausted = this.poolExhaustions.size > 0;
    this.#nats = this.#nats.map((pending, i) => {
      const level = (this.#natsLevels[i] ?? 10) + (i === 1 ? this.#backlog / 4 : 0);
      const grow = exhausted && i === 0 ? 20 : 0;
      return Math.max(0, pending + (level - pending) * (grow ? 0 : 0.2) + grow + random.normal());
    });
    if (exhausted) {
      this.#metrics.quotaExceeded.inc(
        { tenant: random.pick(this.#deployment.tenants), resource: "db_connections" },
        random.poisson(0.5),
      );
      if (this.#ticks % 15 === 0) {
        this.#log.warn("reactor_data", "db pool exhausted", { max: this.#poolMax, idle: 0 });
      }
    }
  }

  // Gauges from the current state, so a scrape and /health agree.
  #publishGauges(): void {
    const m = this.#metrics;
    const random = this.#random;
    const exhausted = this.poolExhaustions.size > 0;
    const inUse = exhausted
      ? this.#poolMax
      : Math.min(this.#poolMax, random.poisson(this.#poolMax * 0.2));
    const size = exhausted
      ? this.#poolMax
      : Math.min(this.#poolMax, inUse + Math.ceil(this.#poolMax * 0.2));
    m.dbPoolSize.set(size);
    m.dbPoolIdle.set(size - inUse);
    m.supavisorWaiting.set(exhausted ? 20 + random.poisson(15) : random.chance(0.05) ? 1 : 0);
    m.jobsQueueDepth.set(this.#queued + this.#backlog);
    m.fnWarmPool.set(this.#warm);
    m.tenantCacheActive.set(this.#cached);
    NATS_CONSUMERS.forEach((consumer, i) => {
      m.natsPending.set({ stream: "REACTOR", consumer }, Math.round(this.#nats[i] ?? 0));
    });
    if (this.#ticks % 5 === 0 || this.#ticks <= 1) {
      for (const capability of CAPABILITIES) {
        const all = this.#recentOf(capability)
          .flat()
          .sort((a, b) => a - b);
        const p99 = all[Math.min(all.length - 1, Math.floor(all.length * 0.99))] ?? 0;
        m.latencyP99.set({ capability }, p99);
      }
    }
  }
}
