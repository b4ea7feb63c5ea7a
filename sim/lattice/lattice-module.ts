import { VirtualClock } from "../core/clock.ts";
import { defineSystem } from "../core/define-system.ts";
import { lifecycleFaultSchema } from "../core/lifecycle-fault-schema.ts";
import { byNode } from "../core/node-target.ts";
import { ChainRpc } from "./chain-rpc.ts";
import { latticeModelFaultSchema } from "./lattice-fault-schema.ts";
import { byLattice } from "./lattice-fault-target.ts";
import { latticeFaults } from "./lattice-faults.ts";
import { latticeSystem } from "./lattice-system.ts";
import { latticeTopology } from "./lattice-topology.ts";

/** Fails a catalogue-only fault that something tried to apply. */
function catalogueOnly(): never {
  throw new TypeError("A fault from the catalogue cannot be applied: start the system instead.");
}

/**
 * The lattice as one system module: its fleet shape, how a host starts it, and its faults. The
 * model faults take a `lattice`, the node crash and hang a `node`.
 */
export const latticeModule = defineSystem({
  topology: latticeTopology,
  definition: latticeSystem,
  faults: () => latticeFaults(catalogueOnly, new ChainRpc({ clock: new VirtualClock() })),
  faultSchemas: [
    { schema: latticeModelFaultSchema, target: byLattice },
    { schema: lifecycleFaultSchema("lattice"), target: byNode },
  ],
});
