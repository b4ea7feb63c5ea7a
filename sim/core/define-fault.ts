import type { FaultDefinition, Heal } from "./fault-definition.ts";
import type { FaultParamSpec } from "./fault-param-spec.ts";
import type { FaultParams } from "./fault-params.ts";
import type { FaultSchema } from "./fault-schema.ts";

/** The schema's params as the catalogue lists them: an array of specs, each with its name. */
function paramSpecs(schema: FaultSchema): FaultParamSpec[] {
  return Object.entries(schema.params).map(([name, param]) => ({ name, ...param }));
}

/**
 * A fault definition from its schema and how it is applied to one node: the name, description,
 * roles and params come from the schema alone, so they are written once.
 *
 * @example
 * defineFault(cosmictronFaultSchema.walFsyncStall, (node: CosmictronNode, p) =>
 *   node.stallFsync(p.number("latencySeconds")));
 */
export function defineFault<N>(
  schema: FaultSchema,
  apply: (node: N, params: FaultParams) => Heal | Promise<Heal>,
): FaultDefinition<N> {
  return {
    name: schema.name,
    description: schema.description,
    params: paramSpecs(schema),
    ...(schema.roles !== undefined && { roles: schema.roles }),
    apply,
  };
}
