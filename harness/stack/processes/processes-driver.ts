import { firedrillEnv } from "../firedrill-env.ts";
import { TimedDriver } from "../timed-driver.ts";
import type { StackDriver, StackSpec, StackStartOptions, StartedStack } from "../types.ts";
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
    return this.startComponents(
      spec,
      options,
      (launch, ready, stopTimeoutMs) => new ProcessComponent(launch, env, ready, stopTimeoutMs),
    );
  }
}
