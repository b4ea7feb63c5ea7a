/** sim/reactor: the simulated unified reactor-server, its metrics, logs, faults and topology. */
export { parseSince } from "./parse-since.ts";
export { reactorAdminToken } from "./reactor-admin-token.ts";
export type { Capability } from "./reactor-capabilities.ts";
export { CAPABILITIES } from "./reactor-capabilities.ts";
export type { FunctionSpec, ReactorDeployment } from "./reactor-deployment.ts";
export { generateDeployment } from "./reactor-deployment.ts";
export { reactorFaults } from "./reactor-faults.ts";
export type { DoctorCheck, ReactorDoctor, ReactorHealth } from "./reactor-health.ts";
export type { ReactorLogEntry } from "./reactor-log.ts";
export { ReactorLog } from "./reactor-log.ts";
export { ReactorMetrics } from "./reactor-metrics.ts";
export { ReactorNode } from "./reactor-node.ts";
export { reactorSystem } from "./reactor-system.ts";
export { reactorTopology } from "./reactor-topology.ts";
