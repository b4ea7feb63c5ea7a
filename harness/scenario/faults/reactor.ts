import type { FaultSpec } from "../types.ts";
import { faultSpec, type ParamsInput } from "./fault-spec.ts";

/** Which node a fault hits; absent means every Reactor node. */
interface Target {
  readonly node?: string;
}

/** A mounted capability of reactor-server. */
type Capability = "auth" | "data" | "storage" | "functions" | "jobs" | "sites";

/** The FaultSpec of this system's fault `name` on `target.node` (every node when absent). */
function spec(name: string, target: Target, params: ParamsInput = {}): FaultSpec {
  return faultSpec(name, target.node, params);
}

/** Faults of the simulated Reactor nodes; names match the sim's fault catalogue. */
export const reactor = {
  /**
   * A share `ratio` (default 0.5) of one capability's requests (default "data", about 40% of
   * the traffic; "all" for every capability) answer 5xx: ReactorHighErrorRate. A small ratio is
   * a blip under the 5% line.
   */
  http5xxBurst: (o: Target & { capability?: Capability | "all"; ratio?: number } = {}): FaultSpec =>
    spec("reactor.http.5xx-burst", o, { capability: o.capability, ratio: o.ratio }),
  /** The job queue climbs to `depth` (default 1000) over `rampSeconds` (default 60): JobQueueBacklog. */
  jobsBacklog: (o: Target & { depth?: number; rampSeconds?: number } = {}): FaultSpec =>
    spec("reactor.jobs.backlog", o, { depth: o.depth, rampSeconds: o.rampSeconds }),
  /** The database pool is exhausted; `errorRatio` (default 0.3) of DB-backed requests time out (503). */
  dbPoolExhausted: (o: Target & { errorRatio?: number } = {}): FaultSpec =>
    spec("reactor.db.pool-exhausted", o, { errorRatio: o.errorRatio }),
  /** A capability's health check fails (default "storage"): GET /health answers 503 naming it. */
  capabilityUnhealthy: (o: Target & { capability?: Capability } = {}): FaultSpec =>
    spec("reactor.capability.unhealthy", o, { capability: o.capability }),
  /** The node's listener closes (connection refused): ReactorHealthCheckFailing after 2m. */
  nodeCrash: (o: Target = {}): FaultSpec => spec("reactor.node.crash", o),
  /** The node accepts connections and never answers, so scrapes time out: ReactorHealthCheckFailing. */
  nodeHang: (o: Target = {}): FaultSpec => spec("reactor.node.hang", o),
};
