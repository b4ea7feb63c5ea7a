/** Admission queue slots per serving phase; a full queue pins the gauge here. */
const ADMISSION_CAPACITY = 128;

/** Seconds of work per serving phase. */
interface PhaseWork {
  prefill: number;
  decode: number;
}

/**
 * A router's requests in flight per model and serving phase, by Little's law: requests in
 * flight = seconds of work that arrived in the last second, smoothed once a fleet second; a
 * full admission queue pins both phases at its capacity.
 */
export class RouterInflight {
  readonly #arrived = new Map<string, PhaseWork>();
  readonly #inflight = new Map<string, PhaseWork>();

  /** Adds one request's seconds of prefill and decode work to the current second. */
  add(model: string, prefillSeconds: number, decodeSeconds: number): void {
    const phase = this.#arrived.get(model) ?? { prefill: 0, decode: 0 };
    phase.prefill += prefillSeconds;
    phase.decode += decodeSeconds;
    this.#arrived.set(model, phase);
  }

  /** Closes the second for `model`: its smoothed requests in flight per phase. */
  tick(model: string, full: boolean): Readonly<PhaseWork> {
    const arrived = this.#arrived.get(model) ?? { prefill: 0, decode: 0 };
    const previous = this.#inflight.get(model) ?? { prefill: 0, decode: 0 };
    const smoothed = {
      prefill: full ? ADMISSION_CAPACITY : 0.7 * previous.prefill + 0.3 * arrived.prefill,
      decode: full ? ADMISSION_CAPACITY : 0.7 * previous.decode + 0.3 * arrived.decode,
    };
    this.#inflight.set(model, smoothed);
    this.#arrived.set(model, { prefill: 0, decode: 0 });
    return smoothed;
  }

  /** Share of the admission queue's slots (both phases) in use, from 0 to 1. */
  utilization(): number {
    let inflight = 0;
    for (const v of this.#inflight.values()) inflight += v.prefill + v.decode;
    return Math.min(1, inflight / (2 * ADMISSION_CAPACITY));
  }

  /** Forgets the requests in flight (a restarted router). */
  clear(): void {
    this.#inflight.clear();
  }
}
