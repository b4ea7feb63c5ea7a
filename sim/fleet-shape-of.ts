import type { SystemModule } from "./core/system-module.ts";
import type { systems } from "./systems.ts";

/** The shape fields of one module, each an optional node count. */
type ShapeOf<M> = M extends SystemModule<string, infer F> ? { readonly [K in F]?: number } : never;

/**
 * How many nodes of each kind a fleet has, per system: one optional entry per module of
 * sim/systems.ts, with that system's shape fields (`nodes`, `routers`, `lattices`, ...).
 */
export type FleetShapeOf = {
  readonly [M in (typeof systems)[number] as M["name"]]?: ShapeOf<M>;
};
