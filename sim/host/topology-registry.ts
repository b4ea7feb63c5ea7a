import type { SystemTopology } from "../core/system-topology.ts";
import { systems } from "../systems.ts";

/**
 * Every system's topology, by system name (sim/systems.ts): the harness reads fleet shapes and
 * scrape jobs from here.
 */
export const topologyRegistry: ReadonlyMap<string, SystemTopology> = new Map(
  systems.map((m) => [m.name, m.topology as SystemTopology]),
);
