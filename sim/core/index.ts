/** sim/core: the building blocks every simulated system uses. */
export type { Clock, TimeMapping, Timer } from "./clock.ts";
export { ScaledClock, VirtualClock } from "./clock.ts";
export { ControlServer } from "./control-server.ts";
export { defineFault } from "./define-fault.ts";
export { EffectStack } from "./effect-stack.ts";
export type { LogLevel } from "./env-filter.ts";
export { EnvFilter } from "./env-filter.ts";
export {
  EnvFilterError,
  FaultNotFoundError,
  FaultRequestError,
  PortBusyError,
  SimConfigError,
  SimError,
} from "./errors.ts";
export type { FaultDefinition, Heal } from "./fault-definition.ts";
export type { FaultParamProblem } from "./fault-param-problem.ts";
export { faultParamProblem } from "./fault-param-problem.ts";
export type { FaultParamSpec, FaultParamType, FaultParamValue } from "./fault-param-spec.ts";
export { FaultParams } from "./fault-params.ts";
export type { ActiveFault, FaultCatalogueEntry } from "./fault-registry.ts";
export { FaultRegistry } from "./fault-registry.ts";
export type {
  FaultParamSchema,
  FaultParamsOf,
  FaultParamValueOf,
  FaultSchema,
  FaultSchemaTable,
} from "./fault-schema.ts";
export { lifecycleFaultSchema } from "./lifecycle-fault-schema.ts";
export { lifecycleFaults } from "./lifecycle-faults.ts";
export type { LogFields, LogFormat, LogSpan } from "./logger.ts";
export { Logger } from "./logger.ts";
export type { RequestHandler, ServerState } from "./loopback-server.ts";
export { LoopbackServer } from "./loopback-server.ts";
export type { LifecycleHooks } from "./node-lifecycle.ts";
export { NodeLifecycle } from "./node-lifecycle.ts";
export { NodeTracing } from "./node-tracing.ts";
export { SeededRandom } from "./seeded-random.ts";
export type { NodeState, SimNode } from "./sim-node.ts";
export type { HostContext, NodeSpec, SystemDefinition, SystemHost } from "./system-definition.ts";
