import { VirtualClock } from "../core/clock.ts";
import { defineSystem } from "../core/define-system.ts";
import { ChainRpc } from "./chain-rpc.ts";
import { latticeFaults } from "./lattice-faults.ts";
import { latticeSystem } from "./lattice-system.ts";
import { latticeTopology } from "./lattice-topology.ts";

/** Fails a catalogue-only fault that something tried to apply. */
function catalogueOnly(): never {
  throw new TypeError("A fault from the catalogue cannot be applied: start the system instead.");
}

/** The lattice as one system module: its fleet shape, how a host starts it, and its faults. */
export const latticeModule = defineSystem({
  name: "lattice",
  topology: latticeTopology,
  definition: latticeSystem,
  faults: () => latticeFaults(catalogueOnly, new ChainRpc({ clock: new VirtualClock() })),
});
