import { defineSystem } from "../core/define-system.ts";
import { byNode } from "../core/node-target.ts";
import { dsfbFaultSchema } from "./dsfb-fault-schema.ts";
import { dsfbFaults } from "./dsfb-faults.ts";
import { dsfbSystem } from "./dsfb-system.ts";
import { dsfbTopology } from "./dsfb-topology.ts";

/** DSFB as one system module: its fleet shape, how a host starts it, and its faults. */
export const dsfbModule = defineSystem({
  topology: dsfbTopology,
  definition: dsfbSystem,
  faults: () => dsfbFaults(),
  faultSchemas: [{ schema: dsfbFaultSchema, target: byNode }],
});
