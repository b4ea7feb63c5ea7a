import type { FaultDefinition } from "./fault-definition.ts";
import type { FaultSchemaGroup } from "./fault-schema-group.ts";
import type { SimNode } from "./sim-node.ts";
import type { SystemDefinition } from "./system-definition.ts";
import type { SystemModule } from "./system-module.ts";
import type { SystemTopology } from "./system-topology.ts";

/**
 * Declares a system's module, keeping its fleet-shape fields and fault schemas as literal types so
 * that the harness's FleetShape, fault factories and system unions follow from sim/systems.ts.
 * The module's name is its topology's `system`; its definition must name the same system.
 *
 * @example
 * export const demoModule = defineSystem({
 *   topology, definition, faults: () => demoFaults(),
 *   faultSchemas: [{ schema: demoFaultSchema, target: byNode }],
 * });
 */
export function defineSystem<
  Topology extends SystemTopology<string, string>,
  N extends SimNode,
  const Schemas extends readonly FaultSchemaGroup[],
>(module: {
  readonly topology: Topology;
  readonly definition: SystemDefinition<N>;
  readonly faults: () => readonly FaultDefinition<never>[];
  readonly faultSchemas: Schemas;
}): SystemModule<Topology["system"], Topology, Schemas> {
  const name = module.topology.system;
  if (module.definition.name !== name) {
    throw new TypeError(
      `System module "${name}": its definition names another system ("${module.definition.name}")`,
    );
  }
  return { name, ...module } as unknown as SystemModule<Topology["system"], Topology, Schemas>;
}
