import type { WaitClock } from "./wait-clock.ts";
import type { WaitTarget } from "./wait-target.ts";

/**
 * Decides when a started component is ready. Every strategy has a deadline and an injectable
 * clock, and on failure throws a StartupError naming the component, how long it waited and its
 * last log lines.
 */
export interface WaitStrategy {
  withStartupTimeout(ms: number): this;
  withPollInterval(ms: number): this;
  withClock(clock: WaitClock): this;
  waitUntilReady(target: WaitTarget, signal?: AbortSignal): Promise<void>;
}
