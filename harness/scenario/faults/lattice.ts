import { lifecycleFaultSchema } from "../../../sim/core/lifecycle-fault-schema.ts";
import { latticeModelFaultSchema } from "../../../sim/lattice/lattice-fault-schema.ts";
import { faultFactories } from "./fault-factories.ts";
import { byNode } from "./node-target.ts";

/** Which lattice a fault hits (lattice0, lattice1, …); absent means every lattice. */
interface LatticeTarget {
  readonly lattice?: string;
}

/**
 * Lattice faults act on the lattice of the node they are sent to, so a lattice is targeted
 * through its first zipnet member.
 */
function byLattice(options: LatticeTarget): string | undefined {
  return options.lattice === undefined ? undefined : `${options.lattice}-zipnet-0`;
}

/**
 * Faults of the simulated lattice of organisms (mosaik); one factory per fault of the sim's
 * schema (sim/lattice/lattice-fault-schema.ts, whose comments say which alert each drives). The
 * model faults take a `lattice`, the node crash and hang a `node`.
 */
export const lattice = {
  ...faultFactories(latticeModelFaultSchema, byLattice),
  ...faultFactories(lifecycleFaultSchema("lattice"), byNode),
};
