import type {
  FaultParamsOf,
  FaultSchema,
  FaultSchemaTable,
} from "../../../sim/core/fault-schema.ts";
import type { FaultSpec } from "../types.ts";
import { faultSpec, type ParamsInput } from "./fault-spec.ts";

/**
 * One scenario factory per fault of a system's schema, keyed as the schema is (so each keeps the
 * schema entry's doc comment): its options are the target and the fault's typed params.
 */
export type FaultFactories<Table extends FaultSchemaTable, Target> = {
  readonly [K in keyof Table]: (options?: Target & FaultParamsOf<Table[K]["params"]>) => FaultSpec;
};

/** The options a factory was given, cut down to the fault's params (target fields left out). */
function paramsOf(schema: FaultSchema, options: object): ParamsInput {
  const given = options as ParamsInput;
  return Object.fromEntries(Object.keys(schema.params).map((name) => [name, given[name]]));
}

/**
 * The scenario factories of a system's faults, typed from its schema in sim/: a factory's
 * params are the schema's, and `target` turns its target options into a node id (undefined:
 * every node the fault acts on).
 *
 * @example
 * const cosmictron = faultFactories(cosmictronFaultSchema, (o: { node?: string }) => o.node);
 * cosmictron.walFsyncStall({ node: "cosmictron-1", latencySeconds: 2 });
 */
export function faultFactories<const Table extends FaultSchemaTable, Target extends object>(
  table: Table,
  target: (options: Target) => string | undefined,
): FaultFactories<Table, Target> {
  return Object.fromEntries(
    Object.entries(table).map(([key, schema]) => [
      key,
      (options: Target = {} as Target) =>
        faultSpec(schema.name, target(options), paramsOf(schema, options)),
    ]),
  ) as FaultFactories<Table, Target>;
}
