import { reactorFaultSchema } from "../../../sim/reactor/reactor-fault-schema.ts";
import { faultFactories } from "./fault-factories.ts";
import { byNode } from "./node-target.ts";

/**
 * Faults of the simulated Reactor nodes (a `node` id, or every node); one factory per fault of the sim's schema
 * (sim/reactor/reactor-fault-schema.ts, whose comments say which alert each drives).
 */
export const reactor = faultFactories(reactorFaultSchema, byNode);
