import type { FaultSchemaTable } from "./fault-schema.ts";

/**
 * A table of a system's faults with how a scenario targets them: `target` turns the options of
 * one of its scenario factories into the node id the fault is sent to (undefined: every node it
 * acts on). The harness builds and types the scenario factories from a module's groups.
 */
export interface FaultSchemaGroup<
  Table extends FaultSchemaTable = FaultSchemaTable,
  Target extends object = object,
> {
  readonly schema: Table;
  // A method, so that a group with narrower target options is still a FaultSchemaGroup.
  target(options: Target): string | undefined;
}
