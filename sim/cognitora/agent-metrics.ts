import type { Counter, Gauge, Histogram, Registry } from "prom-client";
import { readCatalogue } from "../core/read-catalogue.ts";
import { registryFromCatalogue } from "../core/registry-from-catalogue.ts";
import { LABEL_VALUES } from "./cognitora-labels.ts";

const GENERATE_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64];

/**
 * cgn-agent's series on its own Registry: engine readiness, generation latency, KV-block
 * traffic, and the token counter the tokens-per-watt recording rule needs.
 *
 * @example
 * const metrics = new AgentMetrics("qwen2.5-7b-instruct");
 * metrics.engineReady.set({ model }, 1);
 */
export class AgentMetrics {
  readonly registry: Registry;
  readonly engineReady: Gauge<"model">;
  readonly generate: Histogram<"model">;
  readonly kvBlocks: Counter<"tier" | "op">;
  readonly tokens: Counter<"model">;
  readonly #model: string;

  constructor(model: string) {
    this.#model = model;
    const metrics = registryFromCatalogue(readCatalogue("cognitora"), {
      include: (m) => m.binary === "cgn-agent",
      buckets: { default: GENERATE_BUCKETS },
    });
    this.registry = metrics.registry;
    this.engineReady = metrics.gauge("cgn_agent_engine_ready");
    this.generate = metrics.histogram("cgn_agent_generate_seconds");
    this.kvBlocks = metrics.counter("cgn_agent_kv_blocks_total");
    this.tokens = metrics.counter("cgn_agent_tokens_total");
    this.initialize();
  }

  /** Zeroes every series, as a process start does; the engine is not ready until checked. */
  initialize(): void {
    this.registry.resetMetrics();
    const model = this.#model;
    this.engineReady.set({ model }, 0);
    this.generate.zero({ model });
    this.tokens.inc({ model }, 0);
    for (const tier of LABEL_VALUES.agentTier) {
      for (const op of LABEL_VALUES.op) this.kvBlocks.inc({ tier, op }, 0);
    }
  }
}
