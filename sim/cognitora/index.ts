/** sim/cognitora: the simulated Cognitora fleet (router, agent, kvcached, metrics), its faults and topology. */
export type { CognitoraDeployment } from "./cognitora-deployment.ts";
export { cognitoraFaults } from "./cognitora-faults.ts";
export { CognitoraNode } from "./cognitora-node.ts";
export type { CognitoraRole } from "./cognitora-role.ts";
export { COGNITORA_ROLES } from "./cognitora-role.ts";
export { cognitoraSystem, createCognitoraSystem } from "./cognitora-system.ts";
export { cognitoraTopology } from "./cognitora-topology.ts";
export { EngineUpstream } from "./engine-upstream.ts";
