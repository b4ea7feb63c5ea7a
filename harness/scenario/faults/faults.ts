import { systems } from "../../../sim/index.ts";
import { systemFaultFactories } from "./system-fault-factories.ts";

/**
 * The simulated systems' faults, one namespace per system of sim/systems.ts
 * (`faults.cosmictron.walFsyncStall({ node: "cosmictron-1" })`); one factory per fault of the
 * sim's schemas (sim/<system>/<system>-fault-schema.ts, whose comments say which alert each
 * drives). Most take a `node` id (absent: every node the fault acts on); the lattice's model
 * faults take a `lattice`.
 */
export const faults = systemFaultFactories(systems);
