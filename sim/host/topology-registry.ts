import { cognitoraTopology } from "../cognitora/cognitora-topology.ts";
import type { SystemTopology } from "../core/system-topology.ts";
import { cosmictronTopology } from "../cosmictron/cosmictron-topology.ts";
import { dsfbTopology } from "../dsfb/dsfb-topology.ts";
import { latticeTopology } from "../lattice/lattice-topology.ts";
import { reactorTopology } from "../reactor/reactor-topology.ts";

/**
 * Every system's topology, by system name: the harness reads fleet shapes and scrape jobs
 * from here. Add a system by adding its topology.
 */
export const topologyRegistry: ReadonlyMap<string, SystemTopology> = new Map<
  string,
  SystemTopology
>([
  [cognitoraTopology.system, cognitoraTopology],
  [cosmictronTopology.system, cosmictronTopology],
  [dsfbTopology.system, dsfbTopology],
  [latticeTopology.system, latticeTopology],
  [reactorTopology.system, reactorTopology],
]);
