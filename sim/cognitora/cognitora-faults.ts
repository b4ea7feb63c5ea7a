import { defineFault } from "../core/define-fault.ts";
import type { FaultDefinition } from "../core/fault-definition.ts";
import { lifecycleFaults } from "../core/lifecycle-faults.ts";
import { cognitoraFaultSchema as schema } from "./cognitora-fault-schema.ts";
import type { CognitoraNode } from "./cognitora-node.ts";
import type { EngineUpstream } from "./engine-upstream.ts";
import { KvcachedBinary } from "./kvcached-binary.ts";
import { RouterBinary } from "./router-binary.ts";

/** A fault that needs a binary the node does not run: the registry's role check makes it rare. */
function wrongBinary(node: CognitoraNode, fault: string): never {
  throw new TypeError(`Fault ${fault} cannot act on ${node.id}: it runs ${node.role}`);
}

/**
 * Cognitora's faults as the sim applies them: each schema entry of cognitora-fault-schema.ts
 * (which scopes it to a role) bound to the engine or binary that carries it out, plus the node
 * crash and hang every system has.
 *
 * @example
 * const faults = cognitoraFaults(engine);
 * faults.map((f) => f.name); // ["cognitora.engine.not-ready", ...]
 */
export function cognitoraFaults(engine: EngineUpstream): FaultDefinition<CognitoraNode>[] {
  return [
    defineFault(schema.engineNotReady, (node: CognitoraNode) => engine.notReady(node.id)),
    defineFault(schema.ttftDegrade, (node: CognitoraNode, params) =>
      engine.slow(node.id, params.number("latencySeconds")),
    ),
    defineFault(schema.admissionQueueFull, (node: CognitoraNode, params) =>
      node.binary instanceof RouterBinary
        ? node.binary.surges.add(params.number("surge"))
        : wrongBinary(node, schema.admissionQueueFull.name),
    ),
    defineFault(schema.cacheCollapse, (node: CognitoraNode, params) =>
      node.binary instanceof KvcachedBinary
        ? node.binary.collapse.add(params.number("hitRatio"))
        : wrongBinary(node, schema.cacheCollapse.name),
    ),
    ...lifecycleFaults("cognitora"),
  ];
}
