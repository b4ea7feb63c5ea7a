import type { FaultSpec } from "../types.ts";
import { faultSpec, type ParamsInput } from "./fault-spec.ts";

/** Which node a fault hits; absent means every Cognitora node of the role the fault acts on. */
interface Target {
  readonly node?: string;
}

/** The FaultSpec of this system's fault `name` on `target.node` (every node when absent). */
function spec(name: string, target: Target, params: ParamsInput = {}): FaultSpec {
  return faultSpec(name, target.node, params);
}

/** Faults of the simulated Cognitora fleet; names match the sim's fault catalogue. */
export const cognitora = {
  /** An agent's engine answers 503 (cgn-agent nodes): the CognitoraEngineNotReady alert's fault. */
  engineNotReady: (o: Target = {}): FaultSpec => spec("cognitora.engine.not-ready", o),
  /** A router refuses `rejectRatio` (default 0.25) of requests as queue_full (cgn-router nodes). */
  admissionQueueFull: (o: Target & { rejectRatio?: number } = {}): FaultSpec =>
    spec("cognitora.admission.queue-full", o, { rejectRatio: o.rejectRatio }),
  /** An agent's engine takes `latencySeconds` (default 4) more to the first token (cgn-agent nodes). */
  ttftDegrade: (o: Target & { latencySeconds?: number } = {}): FaultSpec =>
    spec("cognitora.ttft.degrade", o, { latencySeconds: o.latencySeconds }),
  /** kvcached lookups hit with probability `hitRatio` (default 0.1) (cgn-kvcached nodes). */
  cacheCollapse: (o: Target & { hitRatio?: number } = {}): FaultSpec =>
    spec("cognitora.cache.collapse", o, { hitRatio: o.hitRatio }),
  /** The node's listener closes (connection refused); the heal restarts it on the same port. */
  nodeCrash: (o: Target = {}): FaultSpec => spec("cognitora.node.crash", o),
  /** The node accepts connections and never answers, so scrapes time out. */
  nodeHang: (o: Target = {}): FaultSpec => spec("cognitora.node.hang", o),
};
