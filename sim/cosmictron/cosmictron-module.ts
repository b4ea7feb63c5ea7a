import { VirtualClock } from "../core/clock.ts";
import { defineSystem } from "../core/define-system.ts";
import { byNode } from "../core/node-target.ts";
import { cosmictronFaultSchema } from "./cosmictron-fault-schema.ts";
import { cosmictronFaults } from "./cosmictron-faults.ts";
import { cosmictronSystem } from "./cosmictron-system.ts";
import { cosmictronTopology } from "./cosmictron-topology.ts";

/** Cosmictron as one system module: its fleet shape, how a host starts it, and its faults. */
export const cosmictronModule = defineSystem({
  topology: cosmictronTopology,
  definition: cosmictronSystem,
  faults: () => cosmictronFaults(new VirtualClock()),
  faultSchemas: [{ schema: cosmictronFaultSchema, target: byNode }],
});
