import { Counter, Gauge, Histogram, Registry } from "prom-client";
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
  readonly registry = new Registry();
  readonly engineReady: Gauge<"model">;
  readonly generate: Histogram<"model">;
  readonly kvBlocks: Counter<"tier" | "op">;
  readonly tokens: Counter<"model">;
  readonly #model: string;

  constructor(model: string) {
    this.#model = model;
    const registers = [this.registry];
    this.engineReady = new Gauge({
      name: "cgn_agent_engine_ready",
      help: "Whether the inference engine answers its health check (1) or not (0)",
      labelNames: ["model"],
      registers,
    });
    this.generate = new Histogram({
      name: "cgn_agent_generate_seconds",
      help: "Time to generate a full response, queueing included",
      labelNames: ["model"],
      buckets: GENERATE_BUCKETS,
      registers,
    });
    this.kvBlocks = new Counter({
      name: "cgn_agent_kv_blocks_total",
      help: "KV-cache blocks moved by the agent, by tier and operation",
      labelNames: ["tier", "op"],
      registers,
    });
    this.tokens = new Counter({
      name: "cgn_agent_tokens_total",
      help: "Tokens processed by the engine (prompt and completion)",
      labelNames: ["model"],
      registers,
    });
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
