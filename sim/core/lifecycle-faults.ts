import { defineFault } from "./define-fault.ts";
import type { FaultDefinition } from "./fault-definition.ts";
import { lifecycleFaultSchema } from "./lifecycle-fault-schema.ts";
import type { SimNode } from "./sim-node.ts";

/**
 * The crash and hang faults every system has, named `<system>.node.crash` and `<system>.node.hang`.
 *
 * @example
 * const faults = [...cosmictronFaults, ...lifecycleFaults("cosmictron")];
 */
export function lifecycleFaults(system: string): FaultDefinition<SimNode>[] {
  const schema = lifecycleFaultSchema(system);
  return [
    defineFault(schema.nodeCrash, (node: SimNode) => node.crash()),
    defineFault(schema.nodeHang, (node: SimNode) => node.hang()),
  ];
}
