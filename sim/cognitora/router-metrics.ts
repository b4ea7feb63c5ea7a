import { CatalogueMetrics } from "../core/catalogue-metrics.ts";

/** Routing decisions take microseconds; the p99 recording rule reads these buckets. */
const ROUTING_BUCKETS = [
  0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
];
/** 2 s is a boundary: the TTFT SLO (ttft_slo_ms = 2000) is read exactly. */
const TTFT_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32];

/**
 * cgn-router's series on its own Registry: requests, routing decisions, admission, cache hit
 * ratio, and the TTFT histogram the latency alert needs.
 *
 * @example
 * const metrics = new RouterMetrics({ models, subjects });
 * metrics.requests.inc({ model, subject, outcome: "ok" }, 4);
 */
export class RouterMetrics extends CatalogueMetrics {
  readonly requests = this.byName.counter<"model" | "subject" | "outcome">(
    "cgn_router_requests_total",
  );
  readonly routingDecision = this.byName.histogram<"model">("cgn_router_routing_decision_seconds");
  readonly admissionInflight = this.byName.gauge<"model" | "role">("cgn_router_admission_inflight");
  readonly admissionRejected = this.byName.counter<"model" | "reason">(
    "cgn_router_admission_rejected_total",
  );
  readonly cacheHitRatio = this.byName.gauge<"model">("cgn_router_cache_hit_ratio");
  readonly ttft = this.byName.histogram<"model">("cgn_router_ttft_seconds");

  constructor(options: { models: readonly string[]; subjects: readonly string[] }) {
    const { models: model, subjects: subject } = options;
    super(
      "cognitora",
      {
        include: (m) => m.binary === "cgn-router",
        buckets: { default: ROUTING_BUCKETS, cgn_router_ttft_seconds: TTFT_BUCKETS },
      },
      // Every model and subject; the outcomes, reasons and roles are the catalogue's.
      (byName) => {
        byName.zero("cgn_router_requests_total", { model, subject });
        byName.zero("cgn_router_admission_rejected_total", { model });
        byName.zero("cgn_router_admission_inflight", { model });
        byName.zero("cgn_router_routing_decision_seconds", { model });
        byName.zero("cgn_router_ttft_seconds", { model });
      },
    );
  }
}
