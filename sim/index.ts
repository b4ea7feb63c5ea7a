/**
 * The simulated fleet's public entry: what the harness may import from sim/. Start a host in
 * this process with startSimHost, or as a process with `node --import tsx sim/host.ts <config>`.
 */
export { COGNITORA_LOG_FIELDS } from "./cognitora/cognitora-log-fields.ts";
export type { Catalogue, CatalogueMetric } from "./core/catalogue.ts";
export type { Clock, TimeMapping, Timer } from "./core/clock.ts";
export { ScaledClock, VirtualClock } from "./core/clock.ts";
export {
  FaultNotFoundError,
  FaultRequestError,
  PortBusyError,
  SimConfigError,
  SimError,
} from "./core/errors.ts";
export type { FaultParamProblem } from "./core/fault-param-problem.ts";
export { faultParamProblem } from "./core/fault-param-problem.ts";
export type { FaultParamSpec, FaultParamValue } from "./core/fault-param-spec.ts";
export type { ActiveFault, FaultCatalogueEntry } from "./core/fault-registry.ts";
export type { FaultSchemaGroup } from "./core/fault-schema-group.ts";
export { readCatalogue } from "./core/read-catalogue.ts";
export type { Exposition, NodeState, SimNode } from "./core/sim-node.ts";
export type { SystemModule } from "./core/system-module.ts";
export type {
  PlacedNode,
  ShapeField,
  SystemTopology,
  TopologyNode,
  TopologyScrapeJob,
} from "./core/system-topology.ts";
export type { DetailedHealth } from "./cosmictron/cosmictron-health.ts";
export type { FleetShapeOf } from "./fleet-shape-of.ts";
export type { SystemFault } from "./host/fault-catalogue.ts";
export { faultCatalogue } from "./host/fault-catalogue.ts";
export type { HostConfig } from "./host/host-config.ts";
export { parseHostConfig } from "./host/host-config.ts";
export type { SimHostOptions, StartedSimHost } from "./host/start-sim-host.ts";
export { READY_PREFIX, startSimHost } from "./host/start-sim-host.ts";
export { systemRegistry } from "./host/system-registry.ts";
export { topologyRegistry } from "./host/topology-registry.ts";
export type { SystemName } from "./system-name.ts";
export { systems } from "./systems.ts";
