import type { FaultSpec } from "../types.ts";
import { faultSpec, type ParamsInput } from "./fault-spec.ts";

/** Which node a fault hits; absent means every DSFB node. */
interface Target {
  readonly node?: string;
}

/** The FaultSpec of this system's fault `name` on `target.node` (every node when absent). */
function spec(name: string, target: Target, params: ParamsInput = {}): FaultSpec {
  return faultSpec(name, target.node, params);
}

/** Faults of the simulated DSFB motif-engine exporters; names match the sim's fault catalogue. */
export const dsfb = {
  /**
   * A `share` (default 0.2) of residual samples arrives `lagSeconds` (default 30) late; lags
   * above two reorder windows (10 s) are dropped: DsfbResidualsDroppedOutOfWindow fires within
   * about a minute and resolves about 5m after the last late sample (lagSeconds after the heal).
   */
  ingestOutOfWindow: (o: Target & { share?: number; lagSeconds?: number } = {}): FaultSpec =>
    spec("dsfb.ingest.out-of-window", o, { share: o.share, lagSeconds: o.lagSeconds }),
  /**
   * Every trust-sum at an episode boundary is off by `offset` (default 0.05):
   * DsfbTrustSumOutOfRange fires per motif about 2m after that motif's next episode closes, and
   * resolves when its first episode after the heal closes in range.
   */
  observerTrustDrift: (o: Target & { offset?: number } = {}): FaultSpec =>
    spec("dsfb.observer.trust-drift", o, { offset: o.offset }),
  /** The node's listener closes (connection refused); the heal restarts it with fresh counters. */
  nodeCrash: (o: Target = {}): FaultSpec => spec("dsfb.node.crash", o),
  /** The node accepts connections and never answers, so scrapes time out. */
  nodeHang: (o: Target = {}): FaultSpec => spec("dsfb.node.hang", o),
};
