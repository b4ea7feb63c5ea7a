import type { FaultSpec } from "../types.ts";

/** A fault's params as a factory receives them: undefined means "use the sim's default". */
export type ParamsInput = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * Builds a FaultSpec for the node `target` (every node of the system when undefined), leaving
 * out the params the caller did not give so that the sim's defaults apply.
 */
export function faultSpec(
  name: string,
  target: string | undefined,
  params: ParamsInput = {},
): FaultSpec {
  const clean = Object.fromEntries(
    Object.entries(params).filter(
      (entry): entry is [string, string | number | boolean] => entry[1] !== undefined,
    ),
  );
  return target === undefined ? { name, params: clean } : { name, target, params: clean };
}
