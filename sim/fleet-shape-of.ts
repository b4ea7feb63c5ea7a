import type { SystemModule } from "./core/system-module.ts";
import type { systems } from "./systems.ts";

/** A topology's shape field names. */
type Fields<T> = T extends { readonly shape: readonly { readonly name: infer F }[] } ? F : never;

/** The shape fields a topology says a scenario must give. */
type RequiredFields<T> = T extends { readonly required?: readonly (infer R)[] } ? R : never;

/** One module's shape: its required fields, then the others, each a node count. */
type ShapeOf<M extends SystemModule> = Flat<
  { readonly [K in RequiredFields<M["topology"]> & string]: number } & {
    readonly [K in Exclude<Fields<M["topology"]>, RequiredFields<M["topology"]>> & string]?: number;
  }
>;

/** Shows an intersection as one object type. */
type Flat<T> = { [K in keyof T]: T[K] };

/**
 * How many nodes of each kind a fleet has, per system: one optional entry per module of a system
 * table (sim/systems.ts by default), with that system's shape fields (`nodes`, `routers`, ...).
 */
export type FleetShapeOf<Systems extends readonly SystemModule[] = typeof systems> = {
  readonly [M in Systems[number] as M["name"]]?: ShapeOf<M>;
};
