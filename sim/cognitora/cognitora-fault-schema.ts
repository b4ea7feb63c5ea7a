import type { FaultSchemaTable } from "../core/fault-schema.ts";
import { lifecycleFaultSchema } from "../core/lifecycle-fault-schema.ts";
import { shareParam } from "../core/share-param.ts";

/**
 * Cognitora's faults, declared once: model knobs on the engine (not ready, slow first token), the
 * router's admission queue and kvcached's cache, each scoped to the role it acts on, plus the node
 * crash and hang every system has. Keys are the scenario factories' names.
 */
export const cognitoraFaultSchema = {
  /** An agent's engine answers 503 (cgn-agent nodes): the CognitoraEngineNotReady alert's fault. */
  engineNotReady: {
    name: "cognitora.engine.not-ready",
    description:
      "The agent's inference engine answers 503 to its health check and to generations: cgn_agent_engine_ready drops to 0 within one health check (5 s); routers send the model's requests to other replicas, or refuse them (reason unavailable) when none is left.",
    params: {},
    roles: ["cgn-agent"],
  },
  /** An agent's engine takes `latencySeconds` (default 4) more to the first token (cgn-agent nodes). */
  ttftDegrade: {
    name: "cognitora.ttft.degrade",
    description:
      "The agent's engine takes latencySeconds longer to the first token, so TTFT p99 of its model rises above the 2 s SLO; routers start refusing a share with reason ttft_violation.",
    params: {
      latencySeconds: {
        type: "number",
        default: 4,
        min: 0,
        max: 120,
        description: "Extra seconds to the first token.",
      },
    },
    roles: ["cgn-agent"],
  },
  /** The traffic through a router surges `surge`-fold (default 25) (cgn-router nodes). */
  admissionQueueFull: {
    name: "cognitora.admission.queue-full",
    description:
      'A traffic surge (a launch, a client retry storm): the gateway in front of the router sends `surge` times its usual requests. The admission queue holds 128 requests per phase, and in flight is arrivals times each request\'s seconds of work (about 10 in decode normally); once the surge outgrows it the router refuses the excess share as queue_full (cgn_router_admission_rejected_total{reason="queue_full"}, outcome admission_rejected) and cgn_router_admission_inflight sits at capacity. At the default 25 that is about a half; a surge under about 10 fits and refuses nothing.',
    params: {
      surge: {
        type: "number",
        default: 25,
        min: 1,
        max: 200,
        description: "How many times its usual traffic the router's gateway sends.",
      },
    },
    roles: ["cgn-router"],
  },
  /** kvcached lookups hit with probability `hitRatio` (default 0.1) (cgn-kvcached nodes). */
  cacheCollapse: {
    name: "cognitora.cache.collapse",
    description:
      "kvcached loses its blocks (cgn_kvcached_blocks falls to 5%) and prefix lookups hit with probability hitRatio, so the routers' cgn_router_cache_hit_ratio falls to about hitRatio within a minute. Heal restores the hit rate at once; the blocks refill over a few minutes.",
    params: {
      hitRatio: shareParam(0.1, "Probability that a lookup hits while collapsed, from 0 to 1."),
    },
    roles: ["cgn-kvcached"],
  },
  ...lifecycleFaultSchema("cognitora"),
} as const satisfies FaultSchemaTable;
