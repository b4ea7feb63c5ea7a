import type { FaultDefinition } from "./fault-definition.ts";
import type { SimNode } from "./sim-node.ts";
import type { SystemDefinition } from "./system-definition.ts";
import type { SystemModule } from "./system-module.ts";
import type { SystemTopology } from "./system-topology.ts";

/**
 * Declares a system's module, keeping its name and fleet-shape fields as literal types so that
 * the harness's FleetShape and system unions follow from sim/systems.ts.
 *
 * @example
 * export const demoModule = defineSystem({ name: "demo", topology, definition, faults: () => demoFaults() });
 */
export function defineSystem<
  const Name extends string,
  Field extends string,
  N extends SimNode,
>(module: {
  readonly name: Name;
  readonly topology: SystemTopology<Field>;
  readonly definition: SystemDefinition<N>;
  readonly faults: () => readonly FaultDefinition<never>[];
}): SystemModule<Name, Field> {
  if (module.topology.system !== module.name || module.definition.name !== module.name) {
    throw new TypeError(
      `System module "${module.name}": its topology and definition name another system`,
    );
  }
  return module as unknown as SystemModule<Name, Field>;
}
