import { CatalogueMetrics } from "../core/catalogue-metrics.ts";
import type { ModuleSpec } from "./cosmictron-modules.ts";

/**
 * Latency buckets (reducers, fsync): the Rust `prometheus` crate's DEFAULT_BUCKETS (the same as
 * the Go client's), which a Rust server like Cosmictron gets unless it picks its own.
 */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const FUEL_BUCKETS = [
  1_000, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 5_000_000,
];

/**
 * The 15 metrics of fixtures/cosmictron/catalogue.json, built from it, on one node's own Registry
 * (no default metrics, no global register), with typed handles for the workload.
 *
 * @example
 * const metrics = new CosmictronMetrics(modules);
 * metrics.reducerCalls.inc({ module: "chat", reducer: "send_message", status: "ok" });
 * await metrics.registry.metrics();
 */
export class CosmictronMetrics extends CatalogueMetrics {
  readonly reducerCalls = this.byName.counter<"module" | "reducer" | "status">(
    "cosmictron_reducer_calls_total",
  );
  readonly reducerDuration = this.byName.histogram<"module" | "reducer">(
    "cosmictron_reducer_duration_seconds",
  );
  readonly reducerFuel = this.byName.histogram<"module" | "reducer">(
    "cosmictron_reducer_fuel_used",
  );
  readonly walWrites = this.byName.counter("cosmictron_wal_writes_total");
  readonly walBytes = this.byName.counter("cosmictron_wal_bytes_written_total");
  readonly walFsync = this.byName.histogram("cosmictron_wal_fsync_duration_seconds");
  readonly subscriptions = this.byName.gauge("cosmictron_subscription_count");
  readonly subscriptionDeltaRate = this.byName.gauge("cosmictron_subscription_delta_rate");
  readonly storagePages = this.byName.gauge("cosmictron_storage_pages_total");
  readonly storageBytesUsed = this.byName.gauge("cosmictron_storage_bytes_used");
  readonly authRequests = this.byName.counter<"type" | "status">("cosmictron_auth_requests_total");
  readonly connections = this.byName.gauge("cosmictron_connections_active");
  readonly signatures = this.byName.counter("cosmictron_compliance_signatures_total");
  readonly tsaRequests = this.byName.counter<"status">("cosmictron_compliance_tsa_requests_total");
  readonly diskTotal = this.byName.gauge("cosmictron_storage_disk_total_bytes");

  constructor(modules: readonly ModuleSpec[]) {
    const buckets = { default: LATENCY_BUCKETS, cosmictron_reducer_fuel_used: FUEL_BUCKETS };
    // Every reducer's series, so error series exist before the first error; the status, auth
    // type and TSA status values are the catalogue's.
    super("cosmictron", { omitLabels: ["node"], buckets }, (byName) => {
      for (const module of modules) {
        for (const reducer of module.reducers) {
          const labels = { module: module.name, reducer: reducer.name };
          byName.zero("cosmictron_reducer_calls_total", labels);
          byName.zero("cosmictron_reducer_duration_seconds", labels);
          byName.zero("cosmictron_reducer_fuel_used", labels);
        }
      }
      byName.zero("cosmictron_auth_requests_total");
      byName.zero("cosmictron_compliance_tsa_requests_total");
    });
  }
}
