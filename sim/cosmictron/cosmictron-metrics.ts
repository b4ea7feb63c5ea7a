import type { Counter, Gauge, Histogram, Registry } from "prom-client";
import { readCatalogue } from "../core/read-catalogue.ts";
import { registryFromCatalogue } from "../core/registry-from-catalogue.ts";
import type { ModuleSpec } from "./cosmictron-modules.ts";

/** Latency buckets (reducers, fsync): 0.5 s is a boundary, so the fsync p99 > 0.5 alert is exact. */
const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];
const FUEL_BUCKETS = [
  1_000, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 5_000_000,
];

/** The auth label values (fixtures/cosmictron/catalogue.json); every pair is pre-created. */
const AUTH_TYPES = ["token", "anonymous", "oidc"] as const;
const AUTH_STATUSES = ["ok", "denied", "error"] as const;

/**
 * The 15 metrics of fixtures/cosmictron/catalogue.json, built from it, on one node's own Registry
 * (no default metrics, no global register), with typed handles for the workload.
 *
 * @example
 * const metrics = new CosmictronMetrics(modules);
 * metrics.reducerCalls.inc({ module: "chat", reducer: "send_message", status: "ok" });
 * await metrics.registry.metrics();
 */
export class CosmictronMetrics {
  readonly registry: Registry;
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
    const metrics = registryFromCatalogue(readCatalogue("cosmictron"), {
      omitLabels: ["node"],
      buckets: {
        default: LATENCY_BUCKETS,
        cosmictron_reducer_fuel_used: FUEL_BUCKETS,
      },
    });
    this.registry = metrics.registry;
    this.reducerCalls = metrics.counter("cosmictron_reducer_calls_total");
    this.reducerDuration = metrics.histogram("cosmictron_reducer_duration_seconds");
    this.reducerFuel = metrics.histogram("cosmictron_reducer_fuel_used");
    this.walWrites = metrics.counter("cosmictron_wal_writes_total");
    this.walBytes = metrics.counter("cosmictron_wal_bytes_written_total");
    this.walFsync = metrics.histogram("cosmictron_wal_fsync_duration_seconds");
    this.subscriptions = metrics.gauge("cosmictron_subscription_count");
    this.subscriptionDeltaRate = metrics.gauge("cosmictron_subscription_delta_rate");
    this.storagePages = metrics.gauge("cosmictron_storage_pages_total");
    this.storageBytesUsed = metrics.gauge("cosmictron_storage_bytes_used");
    this.authRequests = metrics.counter("cosmictron_auth_requests_total");
    this.connections = metrics.gauge("cosmictron_connections_active");
    this.signatures = metrics.counter("cosmictron_compliance_signatures_total");
    this.tsaRequests = metrics.counter("cosmictron_compliance_tsa_requests_total");
    this.diskTotal = metrics.gauge("cosmictron_storage_disk_total_bytes");
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
