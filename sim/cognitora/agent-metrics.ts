import { CatalogueMetrics } from "../core/catalogue-metrics.ts";

const GENERATE_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64];

/**
 * cgn-agent's series on its own Registry: engine readiness, generation latency, KV-block
 * traffic, and the token counter the tokens-per-watt recording rule needs.
 *
 * @example
 * const metrics = new AgentMetrics("qwen2.5-7b-instruct");
 * metrics.engineReady.set({ model }, 1);
 */
export class AgentMetrics extends CatalogueMetrics {
  readonly engineReady = this.byName.gauge<"model">("cgn_agent_engine_ready");
  readonly generate = this.byName.histogram<"model">("cgn_agent_generate_seconds");
  readonly kvBlocks = this.byName.counter<"tier" | "op">("cgn_agent_kv_blocks_total");
  readonly tokens = this.byName.counter<"model">("cgn_agent_tokens_total");

  constructor(model: string) {
    // The engine is not ready until checked; the KV tiers and ops are the catalogue's.
    super(
      "cognitora",
      { include: (m) => m.binary === "cgn-agent", buckets: { default: GENERATE_BUCKETS } },
      (byName) => {
        byName.zero("cgn_agent_engine_ready", { model });
        byName.zero("cgn_agent_generate_seconds", { model });
        byName.zero("cgn_agent_tokens_total", { model });
        byName.zero("cgn_agent_kv_blocks_total");
      },
    );
  }
}
