import { type HeapTimer, TimerHeap } from "./timer-heap.ts";

/**
 * Fleet time. Everything in sim/ reads time and schedules work through a Clock, never through
 * Date.now() or setTimeout directly, so the same fleet runs at 1x, sped up N times, or virtually.
 *
 * Fleet time and wall time are tied by one mapping shared by the harness and every sim host:
 *   fleetMs = fleetEpochMs + (wallMs - wallEpochMs) * speed
 */
export interface Clock {
  /** Fleet time in milliseconds since the Unix epoch. */
  now(): number;
  /** Fleet milliseconds since the run's fleet epoch (t=0 of the scenario). */
  elapsed(): number;
  /** How many fleet seconds pass per wall second. */
  readonly speed: number;
  /** Calls fn after `fleetMs` of fleet time. */
  setTimeout(fn: () => void, fleetMs: number): Timer;
  /** Calls fn every `fleetMs` of fleet time. */
  setInterval(fn: () => void, fleetMs: number): Timer;
}

/** A scheduled callback that can be cancelled. */
export interface Timer {
  cancel(): void;
}

/** The mapping between wall time and fleet time, passed from the harness to every sim host. */
export interface TimeMapping {
  /** Wall-clock ms (Date.now()) at fleet t=0. */
  readonly wallEpochMs: number;
  /** Fleet ms at t=0; usually equal to wallEpochMs so that timestamps look current. */
  readonly fleetEpochMs: number;
  readonly speed: number;
}

/** Wall time sped up `speed` times (speed 1 is real time). */
export class ScaledClock implements Clock {
  readonly speed: number;
  readonly #wallEpochMs: number;
  readonly #fleetEpochMs: number;

  constructor(mapping: TimeMapping) {
    if (!(mapping.speed > 0)) throw new RangeError(`speed must be > 0, got ${mapping.speed}`);
    this.speed = mapping.speed;
    this.#wallEpochMs = mapping.wallEpochMs;
    this.#fleetEpochMs = mapping.fleetEpochMs;
  }

  /** A clock whose t=0 is now, at the given speed. */
  static startingNow(speed: number): ScaledClock {
    const wall = Date.now();
    return new ScaledClock({ wallEpochMs: wall, fleetEpochMs: wall, speed });
  }

  get mapping(): TimeMapping {
    return { wallEpochMs: this.#wallEpochMs, fleetEpochMs: this.#fleetEpochMs, speed: this.speed };
  }

  now(): number {
    return this.#fleetEpochMs + (Date.now() - this.#wallEpochMs) * this.speed;
  }

  elapsed(): number {
    return (Date.now() - this.#wallEpochMs) * this.speed;
  }

  /** Converts a fleet timestamp (ms) to the wall timestamp (ms) at which it happens. */
  toWall(fleetMs: number): number {
    return this.#wallEpochMs + (fleetMs - this.#fleetEpochMs) / this.speed;
  }

  /** Converts a wall timestamp (ms), e.g. one Prometheus reported, to fleet time (ms). */
  toFleet(wallMs: number): number {
    return this.#fleetEpochMs + (wallMs - this.#wallEpochMs) * this.speed;
  }

  setTimeout(fn: () => void, fleetMs: number): Timer {
    const handle = setTimeout(fn, Math.max(0, fleetMs / this.speed));
    handle.unref?.();
    return { cancel: () => clearTimeout(handle) };
  }

  setInterval(fn: () => void, fleetMs: number): Timer {
    const handle = setInterval(fn, Math.max(1, fleetMs / this.speed));
    handle.unref?.();
    return { cancel: () => clearInterval(handle) };
  }
}

/**
 * Virtual time: nothing happens until advance() is called. For tests and the virtual mode.
 */
export class VirtualClock implements Clock {
  readonly speed = Number.POSITIVE_INFINITY;
  #now: number;
  readonly #epoch: number;
  #seq = 0;
  readonly #timers = new TimerHeap();

  constructor(epochMs = 0) {
    this.#now = epochMs;
    this.#epoch = epochMs;
  }

  now(): number {
    return this.#now;
  }

  elapsed(): number {
    return this.#now - this.#epoch;
  }

  setTimeout(fn: () => void, fleetMs: number): Timer {
    return this.#add(fn, fleetMs);
  }

  setInterval(fn: () => void, fleetMs: number): Timer {
    return this.#add(fn, fleetMs, Math.max(1, fleetMs));
  }

  /** Moves time forward by `fleetMs`, running due timers in order (due time, then first added). */
  advance(fleetMs: number): void {
    const end = this.#now + fleetMs;
    for (;;) {
      const next = this.#timers.peek();
      if (!next || next.at > end) break;
      this.#timers.pop();
      this.#now = next.at;
      // An interval is due again before it runs, so that it may cancel itself.
      if (next.every !== undefined) {
        next.at += next.every;
        this.#timers.push(next);
      }
      next.fn();
    }
    this.#now = end;
  }

  #add(fn: () => void, fleetMs: number, every?: number): Timer {
    const entry: HeapTimer = {
      at: this.#now + Math.max(0, fleetMs),
      seq: this.#seq++,
      fn,
      cancelled: false,
      ...(every === undefined ? {} : { every }),
    };
    this.#timers.push(entry);
    return { cancel: () => (entry.cancelled = true) };
  }
}
