/** sim/lattice: the lattice of organisms on mosaik — nodes, runtime, faults, chain RPC, topology. */
export type { ChainRpcFault } from "./chain-rpc.ts";
export { ChainRpc } from "./chain-rpc.ts";
export type { ChainHeadResult } from "./chain-rpc-client.ts";
export { ChainRpcClient } from "./chain-rpc-client.ts";
export { latticeFaults } from "./lattice-faults.ts";
export { latticeId } from "./lattice-id.ts";
export { LatticeMetrics } from "./lattice-metrics.ts";
export { LatticeNode } from "./lattice-node.ts";
export type { Organism } from "./lattice-organisms.ts";
export { ORGANISMS } from "./lattice-organisms.ts";
export { LATTICE_PARAMETERS } from "./lattice-parameters.ts";
export { LatticeRuntime } from "./lattice-runtime.ts";
export { latticeSystem } from "./lattice-system.ts";
export { latticeTopology } from "./lattice-topology.ts";
