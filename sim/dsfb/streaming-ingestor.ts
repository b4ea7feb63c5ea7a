import type { StreamingSnapshot } from "./metrics-snapshot.ts";
import type { MotifClass } from "./motif-class.ts";

/** One residual sample: its event time (fleet ms), the residual class it belongs to, its value. */
export interface ResidualSample {
  /** Order of emission at the source; breaks ties between equal event times. */
  readonly seq: number;
  /** Event time in fleet milliseconds. */
  readonly t: number;
  readonly motif: MotifClass;
  readonly value: number;
}

/** Whether `a` comes before `b` in the canonical stream: event time, then emission order. */
function before(a: ResidualSample, b: ResidualSample): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq);
}

/**
 * dsfb-database's streaming ingestor: residual samples arrive with jitter and wait in a reorder
 * buffer until the newest event time seen is one window past them; then they are flushed, in
 * event-time order, into the canonical stream. The flushed frontier is the latest event time
 * flushed so far. A sample arriving more than one window behind that frontier is dropped and
 * counted; one behind the frontier but within a window is still flushed, right away.
 *
 * So samples delayed by less than one window come out in order; samples delayed by more than
 * about two windows are dropped.
 *
 * @example
 * const ingestor = new StreamingIngestor({ windowMs: 5_000, onFlush: (s) => engine.observe(s) });
 * ingestor.push({ seq: 1, t: clock.now(), motif: "contention_ramp", value: 0.3 });
 */
export class StreamingIngestor {
  readonly windowMs: number;
  readonly #onFlush: (sample: ResidualSample) => void;
  /** Staged samples, sorted in canonical order. */
  #buffer: ResidualSample[] = [];
  #maxSeen = Number.NEGATIVE_INFINITY;
  #frontier = Number.NEGATIVE_INFINITY;
  #flushed = 0;
  #dropped = 0;

  constructor(options: { windowMs: number; onFlush: (sample: ResidualSample) => void }) {
    if (!(options.windowMs > 0)) {
      throw new RangeError(
        `Failed to create the streaming ingestor: the reorder window must be > 0 ms, got ${options.windowMs}. Pass a positive windowMs.`,
      );
    }
    this.windowMs = options.windowMs;
    this.#onFlush = options.onFlush;
  }

  /** Latest event time flushed so far; -Infinity before the first flush. */
  get frontier(): number {
    return this.#frontier;
  }

  /** Stages one arriving sample (or drops it) and flushes whatever the window has passed. */
  push(sample: ResidualSample): "staged" | "dropped" {
    if (sample.t < this.#frontier - this.windowMs) {
      this.#dropped++;
      return "dropped";
    }
    let lo = 0;
    let hi = this.#buffer.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const probe = this.#buffer[mid] as ResidualSample;
      if (before(probe, sample)) lo = mid + 1;
      else hi = mid;
    }
    this.#buffer.splice(lo, 0, sample);
    this.#maxSeen = Math.max(this.#maxSeen, sample.t);
    this.#flush();
    return "staged";
  }

  counters(): StreamingSnapshot {
    return {
      staged: this.#buffer.length,
      flushed: this.#flushed,
      droppedOutOfWindow: this.#dropped,
    };
  }

  /** Forgets everything, as a process restart does. */
  reset(): void {
    this.#buffer = [];
    this.#maxSeen = Number.NEGATIVE_INFINITY;
    this.#frontier = Number.NEGATIVE_INFINITY;
    this.#flushed = 0;
    this.#dropped = 0;
  }

  // Moves every staged sample at or before the watermark (newest seen minus one window) out.
  #flush(): void {
    const watermark = this.#maxSeen - this.windowMs;
    let count = 0;
    while (count < this.#buffer.length && (this.#buffer[count] as ResidualSample).t <= watermark) {
      count++;
    }
    if (count === 0) return;
    const out = this.#buffer.splice(0, count);
    for (const sample of out) {
      this.#flushed++;
      this.#frontier = Math.max(this.#frontier, sample.t);
      this.#onFlush(sample);
    }
  }
}
