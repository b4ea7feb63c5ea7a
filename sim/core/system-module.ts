import type { FaultDefinition } from "./fault-definition.ts";
import type { FaultSchemaGroup } from "./fault-schema-group.ts";
import type { SimNode } from "./sim-node.ts";
import type { SystemDefinition } from "./system-definition.ts";
import type { SystemTopology } from "./system-topology.ts";

/**
 * Everything the sim host and the harness know of one simulated system, in one value: its name,
 * its fleet's shape (topology), how a host starts it, and its faults. sim/systems.ts lists one
 * per system; the host's registries, the fault catalogue, the harness's FleetShape, the scenario
 * fault factories and the watchers' system union are derived from that list.
 */
export interface SystemModule<
  Name extends string = string,
  Topology extends SystemTopology<string, string> = SystemTopology<string, string>,
  Schemas extends readonly FaultSchemaGroup[] = readonly FaultSchemaGroup[],
> {
  readonly name: Name;
  readonly topology: Topology;
  readonly definition: SystemDefinition<SimNode>;
  /**
   * The system's fault definitions built with inert dependencies: for the catalogue and for
   * validating scenarios, never applied (nothing listens, no timer runs).
   */
  readonly faults: () => readonly FaultDefinition<never>[];
  /**
   * The system's fault schemas with how scenarios target them: its scenario factories
   * (`cosmictron.walFsyncStall({ node, ... })`) are built and typed from these.
   */
  readonly faultSchemas: Schemas;
}
