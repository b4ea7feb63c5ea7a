import type { FaultParamSpec } from "./fault-param-spec.ts";

/** One param of a fault's schema: a FaultParamSpec whose name is its key in `params`. */
export type FaultParamSchema = Omit<FaultParamSpec, "name">;

/**
 * One fault, declared once: its catalogue name, what it does, the roles it acts on and its typed
 * params. The sim applies it (defineFault), the scenario factories are typed from it and a
 * scenario's faults are validated against it when it loads.
 */
export interface FaultSchema {
  readonly name: string;
  readonly description: string;
  /** The node roles it acts on (e.g. ["cgn-agent"]); absent: every node of the system. */
  readonly roles?: readonly string[];
  readonly params: Readonly<Record<string, FaultParamSchema>>;
}

/** A system's faults keyed by their scenario factory's name (`walFsyncStall`, `nodeCrash`, ...). */
export type FaultSchemaTable = Readonly<Record<string, FaultSchema>>;

/** The TypeScript type of one param: number, boolean, or a string (one of `values` when given). */
export type FaultParamValueOf<P extends FaultParamSchema> = P["type"] extends "number"
  ? number
  : P["type"] extends "boolean"
    ? boolean
    : P extends { readonly values: readonly (infer V extends string)[] }
      ? V
      : string;

/** A fault's params (its schema's `params`) as a scenario gives them: each optional (the sim's default applies). */
export type FaultParamsOf<Params extends FaultSchema["params"]> = {
  readonly [K in keyof Params]?: FaultParamValueOf<Params[K]>;
};
