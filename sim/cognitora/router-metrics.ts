import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { LABEL_VALUES } from "./cognitora-labels.ts";

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
export class RouterMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<"model" | "subject" | "outcome">;
  readonly routingDecision: Histogram<"model">;
  readonly admissionInflight: Gauge<"model" | "role">;
  readonly admissionRejected: Counter<"model" | "reason">;
  readonly cacheHitRatio: Gauge<"model">;
  readonly ttft: Histogram<"model">;
  readonly #models: readonly string[];
  readonly #subjects: readonly string[];

  constructor(options: { models: readonly string[]; subjects: readonly string[] }) {
    this.#models = options.models;
    this.#subjects = options.subjects;
    const registers = [this.registry];
    this.requests = new Counter({
      name: "cgn_router_requests_total",
      help: "Requests the router answered, by model, subject and outcome",
      labelNames: ["model", "subject", "outcome"],
      registers,
    });
    this.routingDecision = new Histogram({
      name: "cgn_router_routing_decision_seconds",
      help: "Time to pick an agent for a request",
      labelNames: ["model"],
      buckets: ROUTING_BUCKETS,
      registers,
    });
    this.admissionInflight = new Gauge({
      name: "cgn_router_admission_inflight",
      help: "Requests admitted and not yet finished, by model and serving phase",
      labelNames: ["model", "role"],
      registers,
    });
    this.admissionRejected = new Counter({
      name: "cgn_router_admission_rejected_total",
      help: "Requests refused by admission control, by model and reason",
      labelNames: ["model", "reason"],
      registers,
    });
    this.cacheHitRatio = new Gauge({
      name: "cgn_router_cache_hit_ratio",
      help: "Share of prefix-cache lookups that hit over the last minute, by model",
      labelNames: ["model"],
      registers,
    });
    this.ttft = new Histogram({
      name: "cgn_router_ttft_seconds",
      help: "Time to first token seen by the router, by model",
      labelNames: ["model"],
      buckets: TTFT_BUCKETS,
      registers,
    });
    this.initialize();
  }

  /** Zeroes every series, as a process start does (a rate over a missing series is no data). */
  initialize(): void {
    this.registry.resetMetrics();
    for (const model of this.#models) {
      for (const subject of this.#subjects) {
        for (const outcome of LABEL_VALUES.outcome)
          this.requests.inc({ model, subject, outcome }, 0);
      }
      for (const reason of LABEL_VALUES.reason) this.admissionRejected.inc({ model, reason }, 0);
      for (const role of LABEL_VALUES.admissionRole) this.admissionInflight.set({ model, role }, 0);
      this.routingDecision.zero({ model });
      this.ttft.zero({ model });
    }
  }
}
