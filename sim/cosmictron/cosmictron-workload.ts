import type { Tracer } from "@opentelemetry/api";
import type { Clock } from "../core/clock.ts";
import { EffectStack } from "../core/effect-stack.ts";
import type { Logger } from "../core/logger.ts";
import type { SeededRandom } from "../core/seeded-random.ts";
import { type Every, TimedWork } from "../core/timed-work.ts";
import { CosmictronClients } from "./cosmictron-clients.ts";
import type { CosmictronMetrics } from "./cosmictron-metrics.ts";
import type { ModuleSpec, ReducerSpec } from "./cosmictron-modules.ts";
import type { CosmictronSecond } from "./cosmictron-second.ts";
import { CosmictronStorage } from "./cosmictron-storage.ts";
import { WalDevice } from "./cosmictron-wal.ts";
import { reducerCalls } from "./reducer-calls.ts";
import type { TsaClient } from "./tsa-client.ts";
import { TsaRequests } from "./tsa-requests.ts";

/** Fleet milliseconds between timestamp requests. */
const TSA_INTERVAL_MS = 15_000;

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

/**
 * One Cosmictron node's seeded workload, one tick per fleet second: Poisson reducer calls across
 * the modules, a WAL write per commit through group-commit fsyncs, signatures and periodic TSA
 * requests, connections and subscriptions drifting around a seeded level, the data directory
 * growing by what the commits write (checkpointed into pages at each WAL segment rotation). Metrics
 * count every call; spans are sampled to at most 20 per fleet second.
 */
export class CosmictronWorkload extends TimedWork {
  /** Active fsync-stall latencies (seconds). */
  readonly fsyncStalls = new EffectStack<number>();
  /** A few single slow fsyncs still to come: how many, and how slow (seconds). */
  slowFsyncs = { left: 0, seconds: 0 };
  /** Active error-burst ratios. */
  readonly errorBursts = new EffectStack<number>();

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
  readonly #clients: CosmictronClients;
  readonly #storage: CosmictronStorage;
  readonly #wal = new WalDevice();
  readonly #timestamps: TsaRequests;

  #generation = 0;
  #startedAt = 0;
  #walInitialized = false;
  #txId: number;
  #segment: number;
  #ticks = 0;
  #pendingSegments = 0;

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
    this.#clients = new CosmictronClients(random);
    this.#storage = new CosmictronStorage(random);
    this.#txId = random.int(1_000_000, 9_000_000);
    this.#segment = random.int(100, 900);
    this.#timestamps = new TsaRequests({ ...options, log: options.logger });
  }

  /** The node's data directory (bulk imports act on it). */
  get storage(): CosmictronStorage {
    return this.#storage;
  }

  get diskTotalBytes(): number {
    return this.#storage.diskTotalBytes;
  }

  /** Boots (or, after a crash, reboots) the process: fresh counters, clients reconnecting. */
  protected boot(restarted: boolean): void {
    this.#generation++;
    this.#startedAt = this.#clock.now();
    if (restarted) {
      this.#metrics.initialize();
      this.#clients.connections = 0;
      this.#clients.subscriptions = 0;
      this.#pendingSegments = 0;
      this.#wal.reset();
      this.#timestamps.reset();
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
    every(TSA_INTERVAL_MS, () =>
      this.#timestamps.request(
        () => this.#txId,
        () => this.#generation,
      ),
    );
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
      storageRatio: this.#storage.bytesUsed / this.diskTotalBytes,
      pages: this.#storage.pages,
      bytesUsed: this.#storage.bytesUsed,
      subscriptions: this.#clients.subscriptions,
      errorBurst: this.errorBursts.size > 0,
      uptimeSecs: Math.max(0, Math.floor((this.#clock.now() - this.#startedAt) / 1000)),
    };
  }

  /** Current bytes used in the data directory. */
  bytesUsed(): number {
    return this.#storage.bytesUsed;
  }

  // One fleet second of work.
  #tick(): void {
    const now = this.#clock.now();
    this.#ticks++;
    const second: CosmictronSecond = {
      from: now - 1000,
      random: this.#random,
      metrics: this.#metrics,
      tracer: this.#tracer,
      identities: this.#identities,
    };
    const rows = reducerCalls({
      ...second,
      log: this.#log,
      modules: this.#modules,
      rates: this.#rates,
      errorRatio: this.errorBursts.max(),
      stall: this.fsyncStalls.max(),
      slowFsyncs: this.slowFsyncs,
      pendingSegments: this.#pendingSegments,
      wal: this.#wal,
      importBytes: this.#storage.importDue(now),
      nextTxId: () => ++this.#txId,
      write: (bytes, imported) => this.#storage.write(bytes, imported),
    });
    this.#clients.tick({ ...second, txId: this.#txId });
    this.#metrics.subscriptionDeltaRate.set(Math.round(rows * this.#clients.subscriptions * 0.05));
    if (this.fsyncStalls.size > 0) this.#pendingSegments = Math.min(64, this.#pendingSegments + 1);
    else this.#pendingSegments = Math.max(0, this.#pendingSegments - 8);
    if (this.#ticks % 300 === 0) {
      this.#storage.checkpoint();
      this.#segment++;
      this.#log.info("cosmictron_wal", "WAL segment rotated", {
        segment: this.#segment,
        tx_id: this.#txId,
      });
    }
    this.#storage.update(this.#log);
    this.#publishGauges();
  }

  // Gauges from the current state, so a scrape and /v1/health/detailed agree.
  #publishGauges(): void {
    const m = this.#metrics;
    m.diskTotal.set(this.diskTotalBytes);
    m.storageBytesUsed.set(this.#storage.bytesUsed);
    m.storagePages.set(this.#storage.pages);
    m.connections.set(this.#clients.connections);
    m.subscriptions.set(this.#clients.subscriptions);
  }
}
