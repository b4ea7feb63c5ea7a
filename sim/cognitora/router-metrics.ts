import type { Counter, Gauge, Histogram, Registry } from "prom-client";
import { readCatalogue } from "../core/read-catalogue.ts";
import { registryFromCatalogue } from "../core/registry-from-catalogue.ts";
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
  readonly registry: Registry;
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
    const metrics = registryFromCatalogue(readCatalogue("cognitora"), {
      include: (m) => m.binary === "cgn-router",
      buckets: { default: ROUTING_BUCKETS, cgn_router_ttft_seconds: TTFT_BUCKETS },
    });
    this.registry = metrics.registry;
    this.requests = metrics.counter("cgn_router_requests_total");
    this.routingDecision = metrics.histogram("cgn_router_routing_decision_seconds");
    this.admissionInflight = metrics.gauge("cgn_router_admission_inflight");
    this.admissionRejected = metrics.counter("cgn_router_admission_rejected_total");
    this.cacheHitRatio = metrics.gauge("cgn_router_cache_hit_ratio");
    this.ttft = metrics.histogram("cgn_router_ttft_seconds");
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
