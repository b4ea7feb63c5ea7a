import type { SystemModule } from "./core/system-module.ts";
import type { systems } from "./systems.ts";

/** The name of a simulated system ("cosmictron", "cognitora", ...), as a system table (sim/systems.ts by default) lists them. */
export type SystemName<Systems extends readonly SystemModule[] = typeof systems> =
  Systems[number]["name"];
