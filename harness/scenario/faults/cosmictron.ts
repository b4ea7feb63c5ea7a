import type { FaultSpec } from "../types.ts";
import { faultSpec, type ParamsInput } from "./fault-spec.ts";

/** Which node a fault hits; absent means every Cosmictron node. */
interface Target {
  readonly node?: string;
}

/** The FaultSpec of this system's fault `name` on `target.node` (every node when absent). */
function spec(name: string, target: Target, params: ParamsInput = {}): FaultSpec {
  return faultSpec(name, target.node, params);
}

/** Faults of the simulated Cosmictron nodes; names match the sim's fault catalogue. */
export const cosmictron = {
  /** fsync takes about `latencySeconds` (default 1.5 s): the WAL fsync latency alert's fault. */
  walFsyncStall: (o: Target & { latencySeconds?: number } = {}): FaultSpec =>
    spec("cosmictron.wal.fsync-stall", o, { latencySeconds: o.latencySeconds }),
  /** The next `count` fsyncs (default 1) take `latencySeconds` (default 2) each: slow fsyncs, not a stall. */
  slowFsync: (o: Target & { count?: number; latencySeconds?: number } = {}): FaultSpec =>
    spec("cosmictron.wal.slow-fsync", o, { count: o.count, latencySeconds: o.latencySeconds }),
  /** A share `errorRatio` (default 0.3) of reducer calls fail. */
  reducerErrorBurst: (o: Target & { errorRatio?: number } = {}): FaultSpec =>
    spec("cosmictron.reducer.error-burst", o, { errorRatio: o.errorRatio }),
  /** The data directory fills to `fillRatio` (default 0.92) of the disk over `rampSeconds`. */
  storageFill: (o: Target & { fillRatio?: number; rampSeconds?: number } = {}): FaultSpec =>
    spec("cosmictron.storage.fill", o, { fillRatio: o.fillRatio, rampSeconds: o.rampSeconds }),
  /** The timestamp authority answers 500 ("error") or not at all ("timeout"). */
  tsaErrors: (o: Target & { mode?: "error" | "timeout" } = {}): FaultSpec =>
    spec("cosmictron.tsa.errors", o, { mode: o.mode }),
  /** The node's listener closes (connection refused); the heal restarts it on the same port. */
  nodeCrash: (o: Target = {}): FaultSpec => spec("cosmictron.node.crash", o),
  /** The node accepts connections and never answers, so scrapes time out. */
  nodeHang: (o: Target = {}): FaultSpec => spec("cosmictron.node.hang", o),
};
