/** sim/cosmictron: the simulated Cosmictron node, its metrics, faults and timestamp authority. */
export { cosmictronFaults } from "./cosmictron-faults.ts";
export type { DetailedHealth } from "./cosmictron-health.ts";
export { CosmictronMetrics } from "./cosmictron-metrics.ts";
export type { ModuleSpec, ReducerSpec } from "./cosmictron-modules.ts";
export { generateModules } from "./cosmictron-modules.ts";
export { CosmictronNode } from "./cosmictron-node.ts";
export { cosmictronSystem } from "./cosmictron-system.ts";
export type { TsaMode } from "./tsa-authority.ts";
export { TsaAuthority } from "./tsa-authority.ts";
export type { TsaResult } from "./tsa-client.ts";
export { TsaClient } from "./tsa-client.ts";
