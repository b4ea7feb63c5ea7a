import type { Clock, Timer } from "./clock.ts";
import type { NodeWork } from "./sim-node-base.ts";

/** Registers a callback to run every `ms` fleet milliseconds while the work runs. */
export type Every = (ms: number, fn: () => void) => void;

/**
 * A workload driven by fleet-time intervals, with the lifecycle every node's process has: start
 * (or restart after a crash), pause on a crash or hang, resume after a hang, and kill (forget the
 * process's in-flight work). A workload says what booting does and which intervals it runs.
 *
 * @example
 * class Demo extends TimedWork {
 *   protected boot() { log.info("demo", "starting"); }
 *   protected schedule(every: Every) { every(1000, () => this.tick()); }
 * }
 */
export abstract class TimedWork implements NodeWork {
  readonly #clock: Clock;
  #timers: Timer[] = [];

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** What the process does when it starts; `restarted` after a crash (counters start over). */
  protected abstract boot(restarted: boolean): void;

  /** Registers the intervals the running process has. */
  protected abstract schedule(every: Every): void;

  /** Forgets the in-flight work of the process, as a crash does (after the timers stop). */
  protected forget(): void {}

  /** Starts (or, after a crash, restarts) the process, then runs its intervals. */
  start(restarted = false): void {
    this.boot(restarted);
    this.resume();
  }

  /** Runs the intervals (after start, or after a hang). */
  resume(): void {
    this.pause();
    this.schedule((ms, fn) => this.#timers.push(this.#clock.setInterval(fn, ms)));
  }

  /** Stops all work (crash, hang or shutdown). */
  pause(): void {
    for (const timer of this.#timers) timer.cancel();
    this.#timers = [];
  }

  /** Stops the timers and forgets the process, as a crash does. */
  kill(): void {
    this.pause();
    this.forget();
  }
}
