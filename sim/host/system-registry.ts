import type { SimNode } from "../core/sim-node.ts";
import type { SystemDefinition } from "../core/system-definition.ts";
import { systems } from "../systems.ts";

/** The systems a sim host can run, by the name a config's `system` field uses (sim/systems.ts). */
export const systemRegistry: ReadonlyMap<string, SystemDefinition<SimNode>> = new Map(
  systems.map((m) => [m.name, m.definition]),
);
