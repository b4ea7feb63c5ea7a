import { componentLaunch } from "../component-launch.ts";
import { firedrillEnv } from "../firedrill-env.ts";
import { RunningStack } from "../running-stack.ts";
import { TimedDriver } from "../timed-driver.ts";
import type {
  ComponentName,
  StackDriver,
  StackSpec,
  StackStartOptions,
  StartedStack,
} from "../types.ts";
import { ProcessComponent } from "./process-component.ts";

/**
 * Starts Prometheus, Alertmanager and the Collector as local processes (execa) on the spec's
 * loopback ports, waits until each is ready, and stops them.
 *
 * @example
 * await using stack = await new ProcessesDriver().withStartupTimeout(30_000).start(spec);
 */
export class ProcessesDriver extends TimedDriver implements StackDriver {
  readonly name = "processes" as const;

  async start(spec: StackSpec, options: StackStartOptions = {}): Promise<StartedStack> {
    const env = { ...process.env, ...firedrillEnv(spec.runId) } as Record<string, string>;
    const handle = (component: ComponentName) => {
      const launch = componentLaunch(spec, component);
      return new ProcessComponent(launch, env, this.readyWait(launch), this.stopTimeoutMs);
    };
    return RunningStack.start(this.name, spec, handle, options);
  }
}
