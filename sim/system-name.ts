import type { systems } from "./systems.ts";

/** The name of a simulated system ("cosmictron", "cognitora", ...), as sim/systems.ts lists them. */
export type SystemName = (typeof systems)[number]["name"];
