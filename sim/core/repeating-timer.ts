import type { Clock, Timer } from "./clock.ts";

/**
 * One callback run every `everyMs` of fleet time between start() and stop(). Starting again
 * replaces the running interval, so a restart never leaves two of them ticking.
 *
 * @example
 * const ticks = new RepeatingTimer(clock, 1000, () => tick());
 * ticks.start();
 * ticks.stop();
 */
export class RepeatingTimer {
  readonly #clock: Clock;
  readonly #everyMs: number;
  readonly #fn: () => void;
  #timer: Timer | undefined;

  constructor(clock: Clock, everyMs: number, fn: () => void) {
    this.#clock = clock;
    this.#everyMs = everyMs;
    this.#fn = fn;
  }

  /** Runs the callback every `everyMs` from now on, in place of any interval started before. */
  start(): void {
    this.stop();
    this.#timer = this.#clock.setInterval(this.#fn, this.#everyMs);
  }

  /** Cancels the interval until the next start(); nothing when none runs. */
  stop(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
  }
}
