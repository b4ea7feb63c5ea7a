import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { ModuleSpec } from "./cosmictron-modules.ts";

/** fsync latency buckets: 0.5 s is a boundary, so the p99 > 0.5 alert is exact. */
const FSYNC_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];
const DURATION_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];
const FUEL_BUCKETS = [
  1_000, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 5_000_000,
];

/** The auth label values (fixtures/cosmictron/catalogue.json); every pair is pre-created. */
const AUTH_TYPES = ["token", "anonymous", "oidc"] as const;
const AUTH_STATUSES = ["ok", "denied", "error"] as const;

/**
 * The 15 metrics of fixtures/cosmictron/catalogue.json, exactly, on one node's own Registry (no
 * default metrics, no global register).
 *
 * @example
 * const metrics = new CosmictronMetrics(modules);
 * metrics.reducerCalls.inc({ module: "chat", reducer: "send_message", status: "ok" });
 * await metrics.registry.metrics();
 */
export class CosmictronMetrics {
  readonly registry = new Registry();
  readonly reducerCalls: Counter<"module" | "reducer" | "status">;
  readonly reducerDuration: Histogram<"module" | "reducer">;
  readonly reducerFuel: Histogram<"module" | "reducer">;
  readonly walWrites: Counter;
  readonly walBytes: Counter;
  readonly walFsync: Histogram;
  readonly subscriptions: Gauge;
  readonly subscriptionDeltaRate: Gauge;
  readonly storagePages: Gauge;
  readonly storageBytesUsed: Gauge;
  readonly authRequests: Counter<"type" | "status">;
  readonly connections: Gauge;
  readonly signatures: Counter;
  readonly tsaRequests: Counter<"status">;
  readonly diskTotal: Gauge;
  readonly #modules: readonly ModuleSpec[];

  constructor(modules: readonly ModuleSpec[]) {
    this.#modules = modules;
    const registers = [this.registry];
    this.reducerCalls = new Counter({
      name: "cosmictron_reducer_calls_total",
      help: "Total reducer invocations, labeled by module, reducer, status",
      labelNames: ["module", "reducer", "status"],
      registers,
    });
    this.reducerDuration = new Histogram({
      name: "cosmictron_reducer_duration_seconds",
      help: "Reducer execution latency",
      labelNames: ["module", "reducer"],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.reducerFuel = new Histogram({
      name: "cosmictron_reducer_fuel_used",
      help: "Fuel consumed per reducer call",
      labelNames: ["module", "reducer"],
      buckets: FUEL_BUCKETS,
      registers,
    });
    this.walWrites = new Counter({
      name: "cosmictron_wal_writes_total",
      help: "WAL write operations",
      registers,
    });
    this.walBytes = new Counter({
      name: "cosmictron_wal_bytes_written_total",
      help: "Bytes written to WAL",
      registers,
    });
    this.walFsync = new Histogram({
      name: "cosmictron_wal_fsync_duration_seconds",
      help: "fsync latency",
      buckets: FSYNC_BUCKETS,
      registers,
    });
    this.subscriptions = new Gauge({
      name: "cosmictron_subscription_count",
      help: "Active WebSocket subscriptions",
      registers,
    });
    this.subscriptionDeltaRate = new Gauge({
      name: "cosmictron_subscription_delta_rate",
      help: "Rows/s delivered to subscribers",
      registers,
    });
    this.storagePages = new Gauge({
      name: "cosmictron_storage_pages_total",
      help: "Total pages in table store",
      registers,
    });
    this.storageBytesUsed = new Gauge({
      name: "cosmictron_storage_bytes_used",
      help: "Bytes used in data directory",
      registers,
    });
    this.authRequests = new Counter({
      name: "cosmictron_auth_requests_total",
      help: "Auth requests by type and status",
      labelNames: ["type", "status"],
      registers,
    });
    this.connections = new Gauge({
      name: "cosmictron_connections_active",
      help: "Active WebSocket connections",
      registers,
    });
    this.signatures = new Counter({
      name: "cosmictron_compliance_signatures_total",
      help: "Events signed (if signing enabled)",
      registers,
    });
    this.tsaRequests = new Counter({
      name: "cosmictron_compliance_tsa_requests_total",
      help: "TSA timestamp requests (if enabled)",
      labelNames: ["status"],
      registers,
    });
    this.diskTotal = new Gauge({
      name: "cosmictron_storage_disk_total_bytes",
      help: "Size of the filesystem that holds the data directory",
      registers,
    });
    this.initialize();
  }

  /**
   * Sets every counter series to zero so error series exist before the first error (a rate over
   * a missing series is no data, not 0), as after a process start.
   */
  initialize(): void {
    this.registry.resetMetrics();
    for (const module of this.#modules) {
      for (const reducer of module.reducers) {
        const labels = { module: module.name, reducer: reducer.name };
        this.reducerCalls.inc({ ...labels, status: "ok" }, 0);
        this.reducerCalls.inc({ ...labels, status: "error" }, 0);
        this.reducerDuration.zero(labels);
        this.reducerFuel.zero(labels);
      }
    }
    for (const type of AUTH_TYPES) {
      for (const status of AUTH_STATUSES) this.authRequests.inc({ type, status }, 0);
    }
    this.tsaRequests.inc({ status: "ok" }, 0);
    this.tsaRequests.inc({ status: "error" }, 0);
  }
}
