import { CatalogueMetrics } from "../core/catalogue-metrics.ts";
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

/** The statuses whose series exist from the start: the success and the 5xx the alerts rate. */
const HTTP_ZEROED = ["200", "500"];

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
export class ReactorMetrics extends CatalogueMetrics {
  readonly httpRequests = this.byName.counter<"capability" | "method" | "status">(
    "reactor_http_requests_total",
  );
  readonly httpDuration = this.byName.histogram<"capability">(
    "reactor_http_request_duration_seconds",
  );
  readonly latencyP99 = this.byName.gauge<"capability">("reactor_request_latency_p99");
  readonly dbPoolSize = this.byName.gauge("reactor_db_pool_size");
  readonly dbPoolIdle = this.byName.gauge("reactor_db_pool_idle");
  readonly dbAcquire = this.byName.histogram("reactor_db_acquire_duration_seconds");
  readonly jobsQueueDepth = this.byName.gauge("reactor_jobs_queue_depth");
  readonly jobsRuns = this.byName.counter<"outcome">("reactor_jobs_runs_total");
  readonly jobsRunDuration = this.byName.histogram("reactor_jobs_run_duration_seconds");
  readonly fnInvocations = this.byName.counter<"function" | "runtime">(
    "reactor_fn_invocations_total",
  );
  readonly fnInvokeDuration = this.byName.histogram<"function" | "runtime" | "start">(
    "reactor_fn_invoke_duration_seconds",
  );
  readonly fnWarmPool = this.byName.gauge("reactor_fn_warm_pool_size");
  readonly tenantCacheActive = this.byName.gauge("reactor_tenant_cache_active");
  readonly quotaExceeded = this.byName.counter<"tenant" | "resource">(
    "reactor_quota_exceeded_total",
  );
  readonly supavisorWaiting = this.byName.gauge("supavisor_db_pool_waiting");
  readonly natsPending = this.byName.gauge<"stream" | "consumer">("nats_consumer_pending");

  constructor(deployment: ReactorDeployment) {
    const buckets = {
      default: HTTP_BUCKETS,
      reactor_db_acquire_duration_seconds: ACQUIRE_BUCKETS,
      reactor_jobs_run_duration_seconds: JOB_BUCKETS,
      reactor_fn_invoke_duration_seconds: FN_BUCKETS,
    };
    // The 5xx and failure series exist before the first error; job outcomes and quota resources
    // are the catalogue's values.
    super("reactor", { omitLabels: ["node"], buckets }, (byName) => {
      for (const capability of CAPABILITIES) {
        const method = CAPABILITY_METHODS[capability];
        byName.zero("reactor_http_requests_total", { capability, method, status: HTTP_ZEROED });
        byName.zero("reactor_http_request_duration_seconds", { capability });
      }
      byName.zero("reactor_jobs_runs_total");
      for (const fn of deployment.functions) {
        byName.zero("reactor_fn_invocations_total", { function: fn.name, runtime: fn.runtime });
      }
      byName.zero("reactor_quota_exceeded_total", { tenant: deployment.tenants });
    });
  }
}
