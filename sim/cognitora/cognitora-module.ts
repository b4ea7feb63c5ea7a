import { defineSystem } from "../core/define-system.ts";
import { byNode } from "../core/node-target.ts";
import { SeededRandom } from "../core/seeded-random.ts";
import { cognitoraFaultSchema } from "./cognitora-fault-schema.ts";
import { cognitoraFaults } from "./cognitora-faults.ts";
import { cognitoraSystem } from "./cognitora-system.ts";
import { cognitoraTopology } from "./cognitora-topology.ts";
import { EngineUpstream } from "./engine-upstream.ts";

/** Cognitora as one system module: its fleet shape, how a host starts it, and its faults. */
export const cognitoraModule = defineSystem({
  topology: cognitoraTopology,
  definition: cognitoraSystem,
  faults: () => cognitoraFaults(new EngineUpstream({ random: new SeededRandom(0) })),
  faultSchemas: [{ schema: cognitoraFaultSchema, target: byNode }],
});
