import type { FaultDefinition } from "./fault-definition.ts";
import type { FaultSchemaGroup } from "./fault-schema-group.ts";
import type { SimNode } from "./sim-node.ts";
import type { SystemDefinition } from "./system-definition.ts";
import type { SystemModule } from "./system-module.ts";
import type { SystemTopology } from "./system-topology.ts";

/**
 * Declares a system's module, keeping its name, fleet-shape fields and fault schemas as literal
 * types so that the harness's FleetShape, fault factories and system unions follow from
 * sim/systems.ts.
 *
 * @example
 * export const demoModule = defineSystem({
 *   name: "demo", topology, definition, faults: () => demoFaults(),
 *   faultSchemas: [{ schema: demoFaultSchema, target: byNode }],
 * });
 */
export function defineSystem<
  const Name extends string,
  Topology extends SystemTopology<string, string>,
  N extends SimNode,
  const Schemas extends readonly FaultSchemaGroup[],
>(module: {
  readonly name: Name;
  readonly topology: Topology;
  readonly definition: SystemDefinition<N>;
  readonly faults: () => readonly FaultDefinition<never>[];
  readonly faultSchemas: Schemas;
}): SystemModule<Name, Topology, Schemas> {
  if (module.topology.system !== module.name || module.definition.name !== module.name) {
    throw new TypeError(
      `System module "${module.name}": its topology and definition name another system`,
    );
  }
  return module as unknown as SystemModule<Name, Topology, Schemas>;
}
