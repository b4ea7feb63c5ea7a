import * as modules from "./system-modules.ts";

/** The module of one simulated system, as sim/system-modules.ts exports them. */
type SystemModules = typeof modules;

/**
 * Every simulated system, once: the sim host's registries, the fault catalogue, the harness's
 * FleetShape, the scenario fault factories and the watchers' system union are derived from
 * this list. Add a system by exporting its module (sim/<system>/<system>-module.ts) from
 * sim/system-modules.ts: one line. A module namespace lists its exports in name order.
 */
export const systems = Object.values(modules) as readonly SystemModules[keyof SystemModules][];
