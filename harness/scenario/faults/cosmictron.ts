import { cosmictronFaultSchema } from "../../../sim/cosmictron/cosmictron-fault-schema.ts";
import { faultFactories } from "./fault-factories.ts";
import { byNode } from "./node-target.ts";

/**
 * Faults of the simulated Cosmictron nodes (a `node` id, or every node); one factory per fault of the sim's schema
 * (sim/cosmictron/cosmictron-fault-schema.ts, whose comments say which alert each drives).
 */
export const cosmictron = faultFactories(cosmictronFaultSchema, byNode);
