import { createHash } from "node:crypto";
import { type Span, SpanKind, SpanStatusCode, type Tracer } from "@opentelemetry/api";
import type { Clock } from "../core/clock.ts";
import { EffectStack } from "../core/effect-stack.ts";
import type { Logger, LogSpan } from "../core/logger.ts";
import type { SeededRandom } from "../core/seeded-random.ts";
import { type Every, TimedWork } from "../core/timed-work.ts";
import type { CosmictronMetrics } from "./cosmictron-metrics.ts";
import type { ModuleSpec, ReducerSpec } from "./cosmictron-modules.ts";
import type { TsaClient } from "./tsa-client.ts";

/** Share of reducer calls that fail normally: far below the 0.05/s per-series alert. */
const BASE_ERROR_RATIO = 0.002;
/** Span budget per fleet second: reducer, query and subscription spans (≤ 20 in total). */
const REDUCER_SPANS = 14;
const QUERY_SPANS = 3;
const SUBSCRIPTION_SPANS = 3;
const PAGE_BYTES = 8192;
const GIB = 1024 ** 3;
/** Fleet milliseconds between timestamp requests, and how many may be in flight. */
const TSA_INTERVAL_MS = 15_000;
const TSA_MAX_IN_FLIGHT = 4;

/** A storage.fill fault: climb from `from` to `to` bytes over `rampMs` fleet ms from `startMs`. */
export interface FillPlan {
  readonly from: number;
  readonly to: number;
  readonly startMs: number;
  readonly rampMs: number;
}

/** What /v1/health reports, read from the same state the gauges publish. */
export interface WorkloadHealth {
  readonly walInitialized: boolean;
  readonly walDegraded: boolean;
  readonly pendingSegments: number;
  readonly storageRatio: number;
  readonly pages: number;
  readonly bytesUsed: number;
  readonly subscriptions: number;
  readonly errorBurst: boolean;
  readonly uptimeSecs: number;
}

/** Draws the fsync latency of one commit: 1–20 ms normally, around the stall when stalled. */
function fsyncSeconds(random: SeededRandom, stall: number | undefined): number {
  if (stall !== undefined) return stall * random.uniform(0.85, 1.15);
  return Math.min(0.02, Math.max(0.001, random.logNormal(0.004, 0.5)));
}

/** Trace context of a span for log lines. */
function logSpan(name: string, span: Span | undefined): LogSpan | undefined {
  if (!span) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { name, traceId, spanId };
}

/**
 * One Cosmictron node's seeded workload, one tick per fleet second: Poisson reducer calls across
 * the modules, a WAL write and fsync per commit, signatures and periodic TSA requests,
 * connections and subscriptions drifting around a seeded level, storage slowly growing. Metrics
 * count every call; spans are sampled to at most 20 per fleet second.
 */
export class CosmictronWorkload extends TimedWork {
  /** Active fsync-stall latencies (seconds). */
  readonly fsyncStalls = new EffectStack<number>();
  /** A few single slow fsyncs still to come: how many, and how slow (seconds). */
  slowFsyncs = { left: 0, seconds: 0 };
  /** Active error-burst ratios. */
  readonly errorBursts = new EffectStack<number>();
  /** Active storage-fill plans. */
  readonly storageFills = new EffectStack<FillPlan>();
  readonly diskTotalBytes: number;

  readonly #node: string;
  readonly #clock: Clock;
  readonly #random: SeededRandom;
  readonly #modules: readonly ModuleSpec[];
  readonly #metrics: CosmictronMetrics;
  readonly #tracer: Tracer;
  readonly #log: Logger;
  readonly #tsa: TsaClient;
  readonly #rates: ReadonlyMap<ReducerSpec, number>;
  readonly #identities: readonly string[];
  readonly #connectionTarget: number;
  readonly #subscriptionsPerConnection: number;

  #generation = 0;
  #startedAt = 0;
  #walInitialized = false;
  #txId: number;
  #segment: number;
  #ticks = 0;
  #pendingSegments = 0;
  #baseBytes: number;
  #bytesUsed: number;
  #connections = 0;
  #subscriptions = 0;
  #tsaInFlight = 0;
  #tsaNonce = 0;
  #storageWarned = false;

  constructor(options: {
    node: string;
    clock: Clock;
    random: SeededRandom;
    modules: readonly ModuleSpec[];
    metrics: CosmictronMetrics;
    tracer: Tracer;
    logger: Logger;
    tsa: TsaClient;
  }) {
    super(options.clock);
    this.#node = options.node;
    this.#clock = options.clock;
    this.#random = options.random;
    this.#modules = options.modules;
    this.#metrics = options.metrics;
    this.#tracer = options.tracer;
    this.#log = options.logger;
    this.#tsa = options.tsa;
    const random = this.#random;
    const reducers = this.#modules.flatMap((m) => m.reducers);
    const totalWeight = reducers.reduce((sum, r) => sum + r.weight, 0);
    const callsPerSecond = random.uniform(8, 15);
    this.#rates = new Map(reducers.map((r) => [r, (callsPerSecond * r.weight) / totalWeight]));
    this.#identities = Array.from({ length: 32 }, () =>
      random.faker.string.hexadecimal({ length: 64, casing: "lower", prefix: "" }),
    );
    this.#connectionTarget = random.uniform(18, 32);
    this.#subscriptionsPerConnection = random.uniform(1.6, 2.4);
    this.diskTotalBytes = random.pick([64, 128, 256, 512]) * GIB;
    this.#baseBytes = Math.round(this.diskTotalBytes * random.uniform(0.42, 0.52));
    this.#bytesUsed = this.#baseBytes;
    this.#txId = random.int(1_000_000, 9_000_000);
    this.#segment = random.int(100, 900);
    this.#connections = Math.round(this.#connectionTarget);
    this.#subscriptions = Math.round(this.#connectionTarget * this.#subscriptionsPerConnection);
  }

  /** Boots (or, after a crash, reboots) the process: fresh counters, clients reconnecting. */
  protected boot(restarted: boolean): void {
    this.#generation++;
    this.#startedAt = this.#clock.now();
    if (restarted) {
      this.#metrics.initialize();
      this.#connections = 0;
      this.#subscriptions = 0;
      this.#pendingSegments = 0;
      this.#tsaInFlight = 0;
    }
    this.#log.info("cosmictron_core", "Cosmictron starting", {
      version: "0.9.2",
      modules: this.#modules.length,
    });
    for (const module of this.#modules) {
      this.#log.info("cosmictron_core", "module loaded", {
        module: module.name,
        reducers: module.reducers.length,
      });
    }
    this.#walInitialized = true;
    this.#log.info("cosmictron_wal", "WAL initialized", {
      segment: this.#segment,
      replayed_tx: restarted ? this.#txId : 0,
    });
    this.#log.info("cosmictron_compliance", "event signing enabled", { tsa_url: this.#tsa.url });
    this.#publishGauges();
  }

  /** The tick and the TSA schedule. */
  protected schedule(every: Every): void {
    every(1000, () => this.#tick());
    every(TSA_INTERVAL_MS, () => this.#requestTimestamp());
  }

  /** Forgets in-flight work of the current process, as a crash does. */
  protected override forget(): void {
    this.#generation++;
    this.#walInitialized = false;
  }

  health(): WorkloadHealth {
    return {
      walInitialized: this.#walInitialized,
      walDegraded: this.fsyncStalls.size > 0 || this.#pendingSegments > 0,
      pendingSegments: this.#pendingSegments,
      storageRatio: this.#bytesUsed / this.diskTotalBytes,
      pages: Math.ceil(this.#bytesUsed / PAGE_BYTES),
      bytesUsed: this.#bytesUsed,
      subscriptions: this.#subscriptions,
      errorBurst: this.errorBursts.size > 0,
      uptimeSecs: Math.max(0, Math.floor((this.#clock.now() - this.#startedAt) / 1000)),
    };
  }

  /** Current bytes used, with any storage-fill ramp applied. */
  bytesUsed(): number {
    return this.#bytesUsed;
  }

  // One fleet second of work.
  #tick(): void {
    const now = this.#clock.now();
    this.#ticks++;
    const rows = this.#reducerCalls(now - 1000);
    this.#queries(now - 1000);
    this.#clients(now - 1000);
    this.#metrics.subscriptionDeltaRate.set(Math.round(rows * this.#subscriptions * 0.05));
    if (this.fsyncStalls.size > 0) this.#pendingSegments = Math.min(64, this.#pendingSegments + 1);
    else this.#pendingSegments = Math.max(0, this.#pendingSegments - 8);
    if (this.#ticks % 300 === 0) {
      this.#segment++;
      this.#log.info("cosmictron_wal", "WAL segment rotated", {
        segment: this.#segment,
        tx_id: this.#txId,
      });
    }
    this.#storage(now);
    this.#publishGauges();
  }

  // Poisson calls per reducer; returns the rows changed by committed calls.
  #reducerCalls(from: number): number {
    const random = this.#random;
    const metrics = this.#metrics;
    const errorRatio = Math.max(BASE_ERROR_RATIO, this.errorBursts.max() ?? 0);
    const stall = this.fsyncStalls.max();
    const calls: [ModuleSpec, ReducerSpec][] = [];
    for (const module of this.#modules) {
      for (const reducer of module.reducers) {
        const n = random.poisson(this.#rates.get(reducer) ?? 0);
        for (let i = 0; i < n; i++) calls.push([module, reducer]);
      }
    }
    const sample = Math.min(1, REDUCER_SPANS / Math.max(1, calls.length));
    let spans = 0;
    let rows = 0;
    let slowest = 0;
    for (const [module, reducer] of calls) {
      const labels = { module: module.name, reducer: reducer.name };
      const failed = random.chance(errorRatio);
      const txId = ++this.#txId;
      const identity = random.pick(this.#identities);
      const exec = Math.min(0.25, Math.max(0.0002, random.logNormal(reducer.medianSeconds, 0.5)));
      let fsync = failed ? 0 : fsyncSeconds(random, stall);
      if (!failed && this.slowFsyncs.left > 0) {
        this.slowFsyncs.left--;
        fsync = this.slowFsyncs.seconds;
      }
      const duration = exec + fsync;
      const start = from + random.next() * 1000;
      const name = `reducer ${reducer.name}`;
      let span: Span | undefined;
      if (spans < REDUCER_SPANS && random.chance(sample)) {
        spans++;
        span = this.#tracer.startSpan(name, {
          kind: SpanKind.SERVER,
          startTime: start,
          attributes: {
            "db.system": "cosmictron",
            "cosmictron.module": module.name,
            "cosmictron.reducer": reducer.name,
            "cosmictron.identity": identity,
            "cosmictron.tx_id": txId,
          },
        });
      }
      metrics.reducerCalls.inc({ ...labels, status: failed ? "error" : "ok" });
      metrics.reducerDuration.observe(labels, duration);
      metrics.reducerFuel.observe(labels, Math.round(random.logNormal(reducer.medianFuel, 0.4)));
      if (failed) {
        span?.setStatus({ code: SpanStatusCode.ERROR, message: "reducer returned an error" });
        this.#log.warn(
          "cosmictron_core",
          "reducer call failed",
          {
            module: module.name,
            reducer: reducer.name,
            tx_id: txId,
            identity,
            error: "reducer returned Err: constraint violated",
          },
          logSpan(name, span),
        );
      } else {
        const changed = Math.max(1, Math.round(random.logNormal(reducer.rowsPerCall, 0.4)));
        const bytes = Math.round(changed * random.uniform(180, 900));
        rows += changed;
        metrics.walWrites.inc();
        metrics.walBytes.inc(bytes);
        metrics.walFsync.observe(fsync);
        metrics.signatures.inc();
        this.#baseBytes += bytes;
        slowest = Math.max(slowest, fsync);
        this.#log.trace("cosmictron_wal", "fsync complete", {
          tx_id: txId,
          bytes,
          duration_ms: Math.round(fsync * 1000),
        });
        this.#log.debug(
          "cosmictron_core",
          "reducer call committed",
          {
            module: module.name,
            reducer: reducer.name,
            tx_id: txId,
            duration_ms: +(duration * 1000).toFixed(3),
          },
          logSpan(name, span),
        );
      }
      span?.end(start + duration * 1000);
    }
    if (slowest > 0.5) {
      this.#log.warn("cosmictron_wal", "fsync latency high", {
        max_ms: Math.round(slowest * 1000),
        pending_segments: this.#pendingSegments,
      });
    }
    return rows;
  }

  // Ad-hoc SQL queries from clients: spans only.
  #queries(from: number): void {
    const n = this.#random.poisson(1.2);
    for (let i = 0; i < Math.min(n, QUERY_SPANS); i++) {
      const start = from + this.#random.next() * 1000;
      const span = this.#tracer.startSpan("query", {
        kind: SpanKind.SERVER,
        startTime: start,
        attributes: {
          "db.system": "cosmictron",
          "cosmictron.identity": this.#random.pick(this.#identities),
          "cosmictron.tx_id": this.#txId,
        },
      });
      span.end(start + this.#random.logNormal(2, 0.6));
    }
  }

  // Connections and subscriptions revert to the node's seeded level; each connect authenticates.
  #clients(from: number): void {
    const random = this.#random;
    const connects = random.poisson(
      0.5 + Math.max(0, this.#connectionTarget - this.#connections) * 0.15,
    );
    const disconnects = Math.min(
      this.#connections,
      random.poisson((this.#connections * 0.5) / this.#connectionTarget),
    );
    for (let i = 0; i < connects + random.poisson(0.3); i++) {
      const type = random.weighted({ token: 0.7, anonymous: 0.2, oidc: 0.1 });
      this.#metrics.authRequests.inc({ type, status: random.chance(0.03) ? "denied" : "ok" });
    }
    this.#connections += connects - disconnects;
    const target = this.#connections * this.#subscriptionsPerConnection;
    const subscribes = random.poisson(0.8 + Math.max(0, target - this.#subscriptions) * 0.15);
    const unsubscribes = Math.min(
      this.#subscriptions,
      random.poisson((this.#subscriptions * 0.8) / Math.max(1, target)),
    );
    this.#subscriptions += subscribes - unsubscribes;
    const events = [
      ...Array<string>(Math.min(subscribes, SUBSCRIPTION_SPANS)).fill("subscribe"),
      ...Array<string>(Math.min(unsubscribes, SUBSCRIPTION_SPANS)).fill("unsubscribe"),
    ].slice(0, SUBSCRIPTION_SPANS);
    for (const event of events) {
      const start = from + random.next() * 1000;
      const span = this.#tracer.startSpan(`subscription ${event}`, {
        kind: SpanKind.SERVER,
        startTime: start,
        attributes: {
          "db.system": "cosmictron",
          "cosmictron.identity": random.pick(this.#identities),
          "cosmictron.tx_id": this.#txId,
        },
      });
      span.end(start + random.logNormal(0.8, 0.5));
    }
  }

  // Applies growth, compaction and any storage-fill ramp to bytes used.
  #storage(now: number): void {
    if (this.#baseBytes > this.diskTotalBytes * 0.6) {
      const before = this.#baseBytes;
      this.#baseBytes = Math.round(this.diskTotalBytes * 0.45);
      this.#log.info("cosmictron_storage", "compaction finished", {
        freed_bytes: before - this.#baseBytes,
      });
    }
    let bytes = this.#baseBytes;
    for (const plan of this.storageFills.values()) {
      const progress =
        plan.rampMs > 0 ? Math.min(1, Math.max(0, (now - plan.startMs) / plan.rampMs)) : 1;
      bytes = Math.max(bytes, Math.round(plan.from + (plan.to - plan.from) * progress));
    }
    this.#bytesUsed = bytes;
    const ratio = bytes / this.diskTotalBytes;
    if (ratio > 0.85 && !this.#storageWarned) {
      this.#storageWarned = true;
      this.#log.warn("cosmictron_storage", "data directory nearly full", {
        used_ratio: +ratio.toFixed(3),
      });
    } else if (ratio <= 0.85 && this.#storageWarned) {
      this.#storageWarned = false;
      this.#log.info("cosmictron_storage", "data directory usage back to normal", {
        used_ratio: +ratio.toFixed(3),
      });
    }
  }

  // Gauges from the current state, so a scrape and /v1/health/detailed agree.
  #publishGauges(): void {
    const m = this.#metrics;
    m.diskTotal.set(this.diskTotalBytes);
    m.storageBytesUsed.set(this.#bytesUsed);
    m.storagePages.set(Math.ceil(this.#bytesUsed / PAGE_BYTES));
    m.connections.set(this.#connections);
    m.subscriptions.set(this.#subscriptions);
  }

  // Timestamps the signatures of the last interval at the TSA; counts the outcome.
  #requestTimestamp(): void {
    if (this.#tsaInFlight >= TSA_MAX_IN_FLIGHT) {
      this.#log.debug("cosmictron_compliance", "TSA request skipped: too many in flight", {
        in_flight: this.#tsaInFlight,
      });
      return;
    }
    const generation = this.#generation;
    const nonce = ++this.#tsaNonce;
    const digest = createHash("sha256")
      .update(`${this.#node}:${this.#txId}:${nonce}`)
      .digest("hex");
    this.#tsaInFlight++;
    void this.#tsa.timestamp(digest, nonce).then((result) => {
      if (generation !== this.#generation) return;
      this.#tsaInFlight--;
      this.#metrics.tsaRequests.inc({ status: result.status });
      if (result.status === "ok") {
        this.#log.debug("cosmictron_compliance", "timestamp token received", {
          serial: result.serialNumber,
          tx_id: this.#txId,
        });
      } else {
        this.#log.error("cosmictron_compliance", "TSA request failed", {
          url: this.#tsa.url,
          error: result.reason,
        });
      }
    });
  }
}
