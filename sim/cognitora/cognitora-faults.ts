import type { FaultDefinition, Heal } from "../core/fault-definition.ts";
import { lifecycleFaults } from "../core/lifecycle-faults.ts";
import type { CognitoraNode } from "./cognitora-node.ts";
import type { EngineUpstream } from "./engine-upstream.ts";
import { KvcachedBinary } from "./kvcached-binary.ts";
import { RouterBinary } from "./router-binary.ts";

/** A fault that needs a binary the node does not run: the registry's role check makes it rare. */
function wrongBinary(node: CognitoraNode, fault: string): never {
  throw new TypeError(`Fault ${fault} cannot act on ${node.id}: it runs ${node.role}`);
}

/**
 * Cognitora's fault catalog: model knobs on the engine (not ready, slow first token), the
 * router's admission queue and kvcached's cache, each scoped to the role it acts on, plus the
 * node crash and hang every system has.
 *
 * @example
 * const faults = cognitoraFaults(engine);
 * faults.map((f) => f.name); // ["cognitora.engine.not-ready", ...]
 */
export function cognitoraFaults(engine: EngineUpstream): FaultDefinition<CognitoraNode>[] {
  return [
    {
      name: "cognitora.engine.not-ready",
      description:
        "The agent's inference engine answers 503 to its health check and to generations: cgn_agent_engine_ready drops to 0 within one health check (5 s); routers send the model's requests to other replicas, or refuse them (reason unavailable) when none is left.",
      params: [],
      roles: ["cgn-agent"],
      apply: (node): Heal => engine.notReady(node.id),
    },
    {
      name: "cognitora.ttft.degrade",
      description:
        "The agent's engine takes latencySeconds longer to the first token, so TTFT p99 of its model rises above the 2 s SLO; routers start refusing a share with reason ttft_violation.",
      params: [
        {
          name: "latencySeconds",
          type: "number",
          default: 4,
          min: 0,
          max: 120,
          description: "Extra seconds to the first token.",
        },
      ],
      roles: ["cgn-agent"],
      apply: (node, params): Heal => engine.slow(node.id, params.number("latencySeconds")),
    },
    {
      name: "cognitora.admission.queue-full",
      description:
        'The router\'s admission queue is full: a share rejectRatio of its requests is refused (cgn_router_admission_rejected_total{reason="queue_full"}, outcome admission_rejected) and cgn_router_admission_inflight sits at capacity.',
      params: [
        {
          name: "rejectRatio",
          type: "number",
          default: 0.25,
          min: 0,
          max: 1,
          description: "Share of requests refused, from 0 to 1.",
        },
      ],
      roles: ["cgn-router"],
      apply: (node, params): Heal =>
        node.binary instanceof RouterBinary
          ? node.binary.queueFull.add(params.number("rejectRatio"))
          : wrongBinary(node, "cognitora.admission.queue-full"),
    },
    {
      name: "cognitora.cache.collapse",
      description:
        "kvcached loses its blocks (cgn_kvcached_blocks falls to 5%) and prefix lookups hit with probability hitRatio, so the routers' cgn_router_cache_hit_ratio falls to about hitRatio within a minute. Heal restores the hit rate at once; the blocks refill over a few minutes.",
      params: [
        {
          name: "hitRatio",
          type: "number",
          default: 0.1,
          min: 0,
          max: 1,
          description: "Probability that a lookup hits while collapsed, from 0 to 1.",
        },
      ],
      roles: ["cgn-kvcached"],
      apply: (node, params): Heal =>
        node.binary instanceof KvcachedBinary
          ? node.binary.collapse.add(params.number("hitRatio"))
          : wrongBinary(node, "cognitora.cache.collapse"),
    },
    ...lifecycleFaults("cognitora"),
  ];
}
