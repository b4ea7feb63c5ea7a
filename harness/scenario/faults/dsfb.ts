import { dsfbFaultSchema } from "../../../sim/dsfb/dsfb-fault-schema.ts";
import { faultFactories } from "./fault-factories.ts";
import { byNode } from "./node-target.ts";

/**
 * Faults of the simulated DSFB motif-engine exporters (a `node` id, or every node); one factory per fault of the sim's schema
 * (sim/dsfb/dsfb-fault-schema.ts, whose comments say which alert each drives).
 */
export const dsfb = faultFactories(dsfbFaultSchema, byNode);
