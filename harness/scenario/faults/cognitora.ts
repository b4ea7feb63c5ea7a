import { cognitoraFaultSchema } from "../../../sim/cognitora/cognitora-fault-schema.ts";
import { faultFactories } from "./fault-factories.ts";
import { byNode } from "./node-target.ts";

/**
 * Faults of the simulated Cognitora fleet (a `node` id, or every node of the role the fault acts on); one factory per fault of the sim's schema
 * (sim/cognitora/cognitora-fault-schema.ts, whose comments say which alert each drives).
 */
export const cognitora = faultFactories(cognitoraFaultSchema, byNode);
