// Every simulated system's module, a line each; sim/systems.ts lists them in this order. A new
// system (a folder sim/<system>/ with its <system>-module.ts) is one more line here.
export { cognitoraModule } from "./cognitora/cognitora-module.ts";
export { cosmictronModule } from "./cosmictron/cosmictron-module.ts";
export { dsfbModule } from "./dsfb/dsfb-module.ts";
export { latticeModule } from "./lattice/lattice-module.ts";
export { reactorModule } from "./reactor/reactor-module.ts";
