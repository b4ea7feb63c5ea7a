// The public entry of the stack: drivers, ports, readiness strategies and leftover cleanup.
export { allocateStackPorts } from "./allocate-stack-ports.ts";
export { checkPortFree } from "./check-port-free.ts";
export { chooseDriver } from "./choose-driver.ts";
export { cleanupLeftovers, type Leftover } from "./cleanup-leftovers.ts";
export { type ComponentLaunch, componentLaunch } from "./component-launch.ts";
export { ContainersDriver } from "./containers/containers-driver.ts";
export {
  ensureLocalImage,
  type LocalImage,
  type LocalImageRequest,
} from "./containers/local-image.ts";
export { prepareTestcontainersEnv } from "./containers/testcontainers-env.ts";
export { dockerEngineAnswers } from "./docker-engine-answers.ts";
export { firedrillEnv } from "./firedrill-env.ts";
export { freePort, freePorts } from "./free-port.ts";
export { ProcessesDriver } from "./processes/processes-driver.ts";
export type {
  ComponentName,
  DriverName,
  StackDriver,
  StackPorts,
  StackProgress,
  StackSpec,
  StackStartOptions,
  StartedStack,
} from "./types.ts";
export { HttpWaitStrategy } from "./wait/http-wait-strategy.ts";
export { LogWaitStrategy } from "./wait/log-wait-strategy.ts";
export { Wait } from "./wait/wait.ts";
export { systemWaitClock, type WaitClock } from "./wait/wait-clock.ts";
export type { WaitStrategy } from "./wait/wait-strategy.ts";
export type { WaitTarget } from "./wait/wait-target.ts";
