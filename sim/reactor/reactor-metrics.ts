import type { Counter, Gauge, Histogram, Registry } from "prom-client";
import { readCatalogue } from "../core/read-catalogue.ts";
import { registryFromCatalogue } from "../core/registry-from-catalogue.ts";
import { CAPABILITIES } from "./reactor-capabilities.ts";
import type { ReactorDeployment } from "./reactor-deployment.ts";

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const ACQUIRE_BUCKETS = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2.5, 5];
const JOB_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
const FN_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** The methods each capability answers (fixtures/reactor/catalogue.json). */
export const CAPABILITY_METHODS = {
  auth: ["GET", "POST"],
  data: ["GET", "POST", "PATCH", "DELETE"],
  storage: ["GET", "POST", "DELETE"],
  functions: ["GET", "POST"],
  jobs: ["GET", "POST"],
  sites: ["GET"],
} as const;

/** Values of the `resource` label of reactor_quota_exceeded_total. */
export const QUOTA_RESOURCES = ["requests", "storage", "functions", "db_connections"] as const;

/** The NATS consumers whose lag nats_consumer_pending reports. */
export const NATS_CONSUMERS = ["data-changes", "jobs-dispatch", "fn-triggers"] as const;

/**
 * The 16 metrics of fixtures/reactor/catalogue.json, built from it, on one node's own Registry (no
 * default metrics, no global register).
 *
 * @example
 * const metrics = new ReactorMetrics(deployment);
 * metrics.httpRequests.inc({ capability: "data", method: "GET", status: "200" });
 */
export class ReactorMetrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<"capability" | "method" | "status">;
  readonly httpDuration: Histogram<"capability">;
  readonly latencyP99: Gauge<"capability">;
  readonly dbPoolSize: Gauge;
  readonly dbPoolIdle: Gauge;
  readonly dbAcquire: Histogram;
  readonly jobsQueueDepth: Gauge;
  readonly jobsRuns: Counter<"outcome">;
  readonly jobsRunDuration: Histogram;
  readonly fnInvocations: Counter<"function" | "runtime">;
  readonly fnInvokeDuration: Histogram<"function" | "runtime" | "start">;
  readonly fnWarmPool: Gauge;
  readonly tenantCacheActive: Gauge;
  readonly quotaExceeded: Counter<"tenant" | "resource">;
  readonly supavisorWaiting: Gauge;
  readonly natsPending: Gauge<"stream" | "consumer">;
  readonly #deployment: ReactorDeployment;

  constructor(deployment: ReactorDeployment) {
    this.#deployment = deployment;
    const metrics = registryFromCatalogue(readCatalogue("reactor"), {
      omitLabels: ["node"],
      buckets: {
        default: HTTP_BUCKETS,
        reactor_db_acquire_duration_seconds: ACQUIRE_BUCKETS,
        reactor_jobs_run_duration_seconds: JOB_BUCKETS,
        reactor_fn_invoke_duration_seconds: FN_BUCKETS,
      },
    });
    this.registry = metrics.registry;
    this.httpRequests = metrics.counter("reactor_http_requests_total");
    this.httpDuration = metrics.histogram("reactor_http_request_duration_seconds");
    this.latencyP99 = metrics.gauge("reactor_request_latency_p99");
    this.dbPoolSize = metrics.gauge("reactor_db_pool_size");
    this.dbPoolIdle = metrics.gauge("reactor_db_pool_idle");
    this.dbAcquire = metrics.histogram("reactor_db_acquire_duration_seconds");
    this.jobsQueueDepth = metrics.gauge("reactor_jobs_queue_depth");
    this.jobsRuns = metrics.counter("reactor_jobs_runs_total");
    this.jobsRunDuration = metrics.histogram("reactor_jobs_run_duration_seconds");
    this.fnInvocations = metrics.counter("reactor_fn_invocations_total");
    this.fnInvokeDuration = metrics.histogram("reactor_fn_invoke_duration_seconds");
    this.fnWarmPool = metrics.gauge("reactor_fn_warm_pool_size");
    this.tenantCacheActive = metrics.gauge("reactor_tenant_cache_active");
    this.quotaExceeded = metrics.counter("reactor_quota_exceeded_total");
    this.supavisorWaiting = metrics.gauge("supavisor_db_pool_waiting");
    this.natsPending = metrics.gauge("nats_consumer_pending");
    this.initialize();
  }

  /**
   * Sets every counter series to zero, as after a process start, so the 5xx and failure series
   * exist before the first error (a rate over a missing series is no data, not 0).
   */
  initialize(): void {
    this.registry.resetMetrics();
    for (const capability of CAPABILITIES) {
      for (const method of CAPABILITY_METHODS[capability]) {
        for (const status of ["200", "500"]) {
          this.httpRequests.inc({ capability, method, status }, 0);
        }
      }
      this.httpDuration.zero({ capability });
    }
    this.jobsRuns.inc({ outcome: "completed" }, 0);
    this.jobsRuns.inc({ outcome: "failed" }, 0);
    for (const fn of this.#deployment.functions) {
      this.fnInvocations.inc({ function: fn.name, runtime: fn.runtime }, 0);
    }
    for (const tenant of this.#deployment.tenants) {
      for (const resource of QUOTA_RESOURCES) this.quotaExceeded.inc({ tenant, resource }, 0);
    }
  }
}
