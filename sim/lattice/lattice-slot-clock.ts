import type { Clock, Timer } from "../core/clock.ts";
import { LATTICE_PARAMETERS } from "./lattice-parameters.ts";

/**
 * The lattice's slot boundaries on a Clock: each slot's work runs once, in order, when its timer
 * fires or, if the timer is late (a starved sim host at 30x), when a scrape asks first through
 * runDue, so a member shows the slots fleet time says it committed. With an exact clock the
 * timers are never late and runDue does nothing.
 *
 * @example
 * const slots = new LatticeSlotClock(clock, (slot) => pipeline(slot));
 * slots.start();
 */
export class LatticeSlotClock {
  readonly #clock: Clock;
  readonly #onSlot: (slot: number) => void;
  #timers: Timer[] = [];
  /** The next slot whose work has not run yet (undefined until started). */
  #nextSlot: number | undefined;
  /** The slot boundary the timer stands for at its latest firing. */
  #timerSlot = 0;

  constructor(clock: Clock, onSlot: (slot: number) => void) {
    this.#clock = clock;
    this.#onSlot = onSlot;
  }

  /** The slot the fleet clock is in. */
  get slot(): number {
    return Math.floor(
      (this.#clock.now() - LATTICE_PARAMETERS.genesisMs) / LATTICE_PARAMETERS.slotMs,
    );
  }

  /** Arms the timer for the next boundary; idempotent. */
  start(): void {
    if (this.#nextSlot !== undefined) return;
    const { slotMs, genesisMs } = LATTICE_PARAMETERS;
    const untilNext = slotMs - ((((this.#clock.now() - genesisMs) % slotMs) + slotMs) % slotMs);
    this.#nextSlot = this.slot + 1;
    this.#timerSlot = this.slot;
    // Each firing stands for the next boundary even if it comes a hair early.
    const onTimer = () => {
      this.#timerSlot++;
      this.#runThrough(Math.max(this.slot, this.#timerSlot));
    };
    this.#timers.push(
      this.#clock.setTimeout(() => {
        onTimer();
        this.#timers.push(this.#clock.setInterval(onTimer, slotMs));
      }, untilNext),
    );
  }

  /** Runs every slot whose boundary the fleet clock has passed and whose timer has not fired. */
  runDue(): void {
    this.#runThrough(this.slot);
  }

  stop(): void {
    for (const timer of this.#timers) timer.cancel();
    this.#timers = [];
    this.#nextSlot = undefined;
  }

  #runThrough(slot: number): void {
    if (this.#nextSlot === undefined) return;
    while (this.#nextSlot <= slot) {
      this.#onSlot(this.#nextSlot);
      this.#nextSlot++;
    }
  }
}
