import type { ComponentLaunch } from "./component-launch.ts";
import { HttpWaitStrategy } from "./wait/http-wait-strategy.ts";

/** The timeouts both drivers take, builder-style (`withStartupTimeout(ms): this`). */
export abstract class TimedDriver {
  protected startupTimeoutMs = 60_000;
  protected stopTimeoutMs = 10_000;

  /** How long each component may take to be ready (for containers: after its image exists). */
  withStartupTimeout(ms: number): this {
    this.startupTimeoutMs = ms;
    return this;
  }

  /** Waits for a component's ready URL, within the startup timeout. */
  protected readyWait(launch: ComponentLaunch): HttpWaitStrategy {
    return new HttpWaitStrategy(launch.readyUrl).withStartupTimeout(this.startupTimeoutMs);
  }

  /** How long a component may take to exit after SIGTERM before it is killed. */
  withStopTimeout(ms: number): this {
    this.stopTimeoutMs = ms;
    return this;
  }
}
