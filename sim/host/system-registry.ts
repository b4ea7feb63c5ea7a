import { cognitoraSystem } from "../cognitora/cognitora-system.ts";
import type { SimNode } from "../core/sim-node.ts";
import type { SystemDefinition } from "../core/system-definition.ts";
import { cosmictronSystem } from "../cosmictron/cosmictron-system.ts";
import { dsfbSystem } from "../dsfb/dsfb-system.ts";
import { latticeSystem } from "../lattice/lattice-system.ts";
import { reactorSystem } from "../reactor/reactor-system.ts";

/**
 * The systems a sim host can run, by the name a config's `system` field uses. Add a system by
 * adding its definition here.
 */
export const systemRegistry: ReadonlyMap<string, SystemDefinition<SimNode>> = new Map<
  string,
  SystemDefinition<SimNode>
>([
  [cognitoraSystem.name, cognitoraSystem as SystemDefinition<SimNode>],
  [cosmictronSystem.name, cosmictronSystem as SystemDefinition<SimNode>],
  [dsfbSystem.name, dsfbSystem as SystemDefinition<SimNode>],
  [latticeSystem.name, latticeSystem as SystemDefinition<SimNode>],
  [reactorSystem.name, reactorSystem as SystemDefinition<SimNode>],
]);
