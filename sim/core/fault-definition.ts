import type { FaultParamSpec } from "./fault-param-spec.ts";
import type { FaultParams } from "./fault-params.ts";

/** Undoes one fault on one node. */
export type Heal = () => void | Promise<void>;

/**
 * A named knob on a system's model (`cosmictron.wal.fsync-stall`): its params, and how it is
 * applied to one node; applying returns the heal.
 */
export interface FaultDefinition<N> {
  readonly name: string;
  readonly description: string;
  readonly params: readonly FaultParamSpec[];
  /**
   * The node roles the fault acts on (e.g. ["cgn-agent"]); absent: every node. Without a target
   * it is applied to the host's nodes of these roles only; a target of another role is refused.
   */
  readonly roles?: readonly string[];
  apply(node: N, params: FaultParams): Heal | Promise<Heal>;
}
