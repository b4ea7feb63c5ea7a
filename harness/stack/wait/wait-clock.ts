import { setTimeout as delay } from "node:timers/promises";

/** The time source of wait strategies; tests inject a fake one to get exact messages. */
export interface WaitClock {
  /** Milliseconds, monotonic. */
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock: performance.now() and timers. */
export const systemWaitClock: WaitClock = {
  now: () => performance.now(),
  sleep: (ms, signal) => delay(ms, undefined, { signal }),
};
