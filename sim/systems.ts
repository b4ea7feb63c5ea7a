import { cognitoraModule } from "./cognitora/cognitora-module.ts";
import { cosmictronModule } from "./cosmictron/cosmictron-module.ts";
import { dsfbModule } from "./dsfb/dsfb-module.ts";
import { latticeModule } from "./lattice/lattice-module.ts";
import { reactorModule } from "./reactor/reactor-module.ts";

/**
 * Every simulated system, once: the sim host's registries, the fault catalogue, the harness's
 * FleetShape and the watchers' system union are derived from this list. Add a system by adding
 * its module (sim/<system>/<system>-module.ts) here.
 */
export const systems = [
  cognitoraModule,
  cosmictronModule,
  dsfbModule,
  latticeModule,
  reactorModule,
] as const;
