import { HttpWaitStrategy } from "./http-wait-strategy.ts";
import { LogWaitStrategy } from "./log-wait-strategy.ts";

/**
 * Factories of readiness strategies, as testcontainers' Wait.
 *
 * @example
 * Wait.forHttp("http://127.0.0.1:9090/-/ready").withStartupTimeout(30_000)
 */
export const Wait = {
  /** GET url answers 200 (or .forStatusCode(n)). */
  forHttp: (url: string) => new HttpWaitStrategy(url),
  /** The log has a line matching pattern, `times` times. */
  forLogMessage: (pattern: RegExp | string, times = 1) => new LogWaitStrategy(pattern, times),
} as const;
