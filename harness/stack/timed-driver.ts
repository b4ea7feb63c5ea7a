import type { ComponentHandle } from "./component-handle.ts";
import { type ComponentLaunch, componentLaunch } from "./component-launch.ts";
import { RunningStack } from "./running-stack.ts";
import type { DriverName, StackSpec, StackStartOptions, StartedStack } from "./types.ts";
import { HttpWaitStrategy } from "./wait/http-wait-strategy.ts";

/**
 * What both drivers share: the timeouts, builder-style (`withStartupTimeout(ms): this`), and
 * the start of a stack from one handle per component.
 */
export abstract class TimedDriver {
  abstract readonly name: DriverName;
  protected startupTimeoutMs = 60_000;
  protected stopTimeoutMs = 10_000;

  /** How long each component may take to be ready (for containers: after its image exists). */
  withStartupTimeout(ms: number): this {
    this.startupTimeoutMs = ms;
    return this;
  }

  /**
   * Starts the spec's components, each through the handle `handle` makes of its launch, its
   * readiness wait (its ready URL, within the startup timeout) and the stop timeout.
   */
  protected startComponents(
    spec: StackSpec,
    options: StackStartOptions,
    handle: (
      launch: ComponentLaunch,
      ready: HttpWaitStrategy,
      stopTimeoutMs: number,
    ) => ComponentHandle,
  ): Promise<StartedStack> {
    return RunningStack.start(
      this.name,
      spec,
      (component) => {
        const launch = componentLaunch(spec, component);
        const ready = new HttpWaitStrategy(launch.readyUrl).withStartupTimeout(
          this.startupTimeoutMs,
        );
        return handle(launch, ready, this.stopTimeoutMs);
      },
      options,
    );
  }

  /** How long a component may take to exit after SIGTERM before it is killed. */
  withStopTimeout(ms: number): this {
    this.stopTimeoutMs = ms;
    return this;
  }
}
