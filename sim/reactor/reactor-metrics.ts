import { Counter, Gauge, Histogram, Registry } from "prom-client";
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
 * The 16 metrics of fixtures/reactor/catalogue.json, exactly, on one node's own Registry (no
 * default metrics, no global register).
 *
 * @example
 * const metrics = new ReactorMetrics(deployment);
 * metrics.httpRequests.inc({ capability: "data", method: "GET", status: "200" });
 */
export class ReactorMetrics {
  readonly registry = new Registry();
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
    const registers = [this.registry];
    this.httpRequests = new Counter({
      name: "reactor_http_requests_total",
      help: "Requests by capability, method, status",
      labelNames: ["capability", "method", "status"],
      registers,
    });
    this.httpDuration = new Histogram({
      name: "reactor_http_request_duration_seconds",
      help: "Request latency",
      labelNames: ["capability"],
      buckets: HTTP_BUCKETS,
      registers,
    });
    this.latencyP99 = new Gauge({
      name: "reactor_request_latency_p99",
      help: "P99 latency (shared cluster)",
      labelNames: ["capability"],
      registers,
    });
    this.dbPoolSize = new Gauge({
      name: "reactor_db_pool_size",
      help: "Active pool connections",
      registers,
    });
    this.dbPoolIdle = new Gauge({
      name: "reactor_db_pool_idle",
      help: "Idle connections",
      registers,
    });
    this.dbAcquire = new Histogram({
      name: "reactor_db_acquire_duration_seconds",
      help: "Connection acquire time",
      buckets: ACQUIRE_BUCKETS,
      registers,
    });
    this.jobsQueueDepth = new Gauge({
      name: "reactor_jobs_queue_depth",
      help: "Pending job count",
      registers,
    });
    this.jobsRuns = new Counter({
      name: "reactor_jobs_runs_total",
      help: "Completed/failed runs",
      labelNames: ["outcome"],
      registers,
    });
    this.jobsRunDuration = new Histogram({
      name: "reactor_jobs_run_duration_seconds",
      help: "Job execution time",
      buckets: JOB_BUCKETS,
      registers,
    });
    this.fnInvocations = new Counter({
      name: "reactor_fn_invocations_total",
      help: "Invocations by function, runtime",
      labelNames: ["function", "runtime"],
      registers,
    });
    this.fnInvokeDuration = new Histogram({
      name: "reactor_fn_invoke_duration_seconds",
      help: "Cold/warm invoke latency",
      labelNames: ["function", "runtime", "start"],
      buckets: FN_BUCKETS,
      registers,
    });
    this.fnWarmPool = new Gauge({
      name: "reactor_fn_warm_pool_size",
      help: "Bun warm instances",
      registers,
    });
    this.tenantCacheActive = new Gauge({
      name: "reactor_tenant_cache_active",
      help: "Cached tenant adapters",
      registers,
    });
    this.quotaExceeded = new Counter({
      name: "reactor_quota_exceeded_total",
      help: "Quota breaches by tenant",
      labelNames: ["tenant", "resource"],
      registers,
    });
    this.supavisorWaiting = new Gauge({
      name: "supavisor_db_pool_waiting",
      help: "Queries waiting for pool connection",
      registers,
    });
    this.natsPending = new Gauge({
      name: "nats_consumer_pending",
      help: "NATS consumer lag",
      labelNames: ["stream", "consumer"],
      registers,
    });
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
