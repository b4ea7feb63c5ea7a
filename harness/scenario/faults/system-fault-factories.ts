import type { FaultSchemaGroup, SystemModule } from "../../../sim/index.ts";
import { type FaultFactories, faultFactories } from "./fault-factories.ts";

/** The factories of one fault schema group. */
type GroupFactories<G> =
  G extends FaultSchemaGroup<infer Table, infer Target> ? FaultFactories<Table, Target> : never;

/** The factories of every group of a module, merged (lattice: the model faults and the lifecycle ones). */
type MergedFactories<Groups> = Groups extends readonly [infer First, ...infer Rest]
  ? GroupFactories<First> & MergedFactories<Rest>
  : unknown;

/** Each system's scenario fault factories, by system name: one namespace per module of `Systems`. */
export type SystemFaultFactories<Systems extends readonly SystemModule[]> = {
  readonly [M in Systems[number] as M["name"]]: MergedFactories<M["faultSchemas"]>;
};

/**
 * Builds every system's scenario fault factories from a system table (sim/systems.ts): one
 * namespace per system, one factory per fault of its schema groups, typed from the schemas.
 *
 * @example
 * const faults = systemFaultFactories(systems);
 * faults.cosmictron.walFsyncStall({ node: "cosmictron-1", latencySeconds: 2 });
 */
export function systemFaultFactories<const Systems extends readonly SystemModule[]>(
  systems: Systems,
): SystemFaultFactories<Systems> {
  return Object.fromEntries(
    systems.map((m) => [
      m.name,
      Object.assign({}, ...m.faultSchemas.map((g) => faultFactories(g.schema, g.target))),
    ]),
  ) as SystemFaultFactories<Systems>;
}
