import { defineSystem } from "../core/define-system.ts";
import { byNode } from "../core/node-target.ts";
import { reactorFaultSchema } from "./reactor-fault-schema.ts";
import { reactorFaults } from "./reactor-faults.ts";
import { reactorSystem } from "./reactor-system.ts";
import { reactorTopology } from "./reactor-topology.ts";

/** Reactor as one system module: its fleet shape, how a host starts it, and its faults. */
export const reactorModule = defineSystem({
  topology: reactorTopology,
  definition: reactorSystem,
  faults: () => reactorFaults(),
  faultSchemas: [{ schema: reactorFaultSchema, target: byNode }],
});
