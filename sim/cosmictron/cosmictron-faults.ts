import type { Clock } from "../core/clock.ts";
import { defineFault } from "../core/define-fault.ts";
import type { FaultDefinition } from "../core/fault-definition.ts";
import { lifecycleFaults } from "../core/lifecycle-faults.ts";
import { cosmictronFaultSchema as schema } from "./cosmictron-fault-schema.ts";
import type { CosmictronNode } from "./cosmictron-node.ts";

/**
 * Cosmictron's faults as the sim applies them: each schema entry of cosmictron-fault-schema.ts
 * bound to the node method that carries it out, plus the node crash and hang every system has.
 *
 * @example
 * const faults = cosmictronFaults(clock);
 * faults.map((f) => f.name); // ["cosmictron.wal.fsync-stall", ...]
 */
export function cosmictronFaults(clock: Clock): FaultDefinition<CosmictronNode>[] {
  return [
    defineFault(schema.walFsyncStall, (node: CosmictronNode, params) =>
      node.stallFsync(params.number("latencySeconds")),
    ),
    defineFault(schema.slowFsync, (node: CosmictronNode, params) =>
      node.slowFsyncs(params.number("count"), params.number("latencySeconds")),
    ),
    defineFault(schema.reducerErrorBurst, (node: CosmictronNode, params) =>
      node.errorBurst(params.number("errorRatio")),
    ),
    defineFault(schema.storageFill, (node: CosmictronNode, params) =>
      node.fillStorage(params.number("fillRatio"), params.number("rampSeconds"), clock.now()),
    ),
    defineFault(schema.tsaErrors, (node: CosmictronNode, params) =>
      node.failTsa(params.string("mode") === "timeout" ? "timeout" : "error"),
    ),
    ...lifecycleFaults("cosmictron"),
  ];
}
