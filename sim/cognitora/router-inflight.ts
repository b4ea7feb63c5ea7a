/** Admission queue slots per serving phase: a router admits work up to this many requests. */
export const ADMISSION_CAPACITY = 128;

/** The window arrivals are counted over, in fleet seconds (longer than most virtual-time steps). */
const WINDOW_SECONDS = 10;

/** Seconds of work per serving phase. */
interface PhaseWork {
  prefill: number;
  decode: number;
}

/** One model's load at a router: arrivals per fleet second, and the work each request takes. */
interface ModelLoad {
  /** Requests offered (admitted or not), by fleet second. */
  readonly offered: Map<number, number>;
  /** Seconds of work per admitted request, per phase, smoothed over completions. */
  perRequest: PhaseWork;
}

/**
 * A router's admission queue per model, by Little's law: the requests in flight in a phase are
 * the arrival rate (over the last 10 fleet seconds) times the seconds of work each takes in it
 * (prefill: up to the first token; decode: the rest). While the offered work outgrows the
 * queue's 128 slots in either phase the router refuses the excess share of arrivals
 * (queue_full) and in flight sits at capacity; with room to spare it refuses nothing. So
 * rejections come only from arrivals times service time, a traffic surge or a slower engine,
 * never from a number a fault sets.
 */
export class RouterInflight {
  readonly #models = new Map<string, ModelLoad>();

  /** Counts `weight` requests offered for `model` at fleet time `nowMs`. */
  offer(model: string, weight: number, nowMs: number): void {
    const second = Math.floor(nowMs / 1000);
    const offered = this.#load(model).offered;
    offered.set(second, (offered.get(second) ?? 0) + weight);
  }

  /** Records `count` admitted requests' seconds of prefill and decode work. */
  add(model: string, count: number, prefillSeconds: number, decodeSeconds: number): void {
    if (count === 0) return;
    const per = this.#load(model).perRequest;
    const first = per.prefill === 0 && per.decode === 0;
    const a = first ? 1 : Math.min(1, 0.02 * count);
    per.prefill += a * (prefillSeconds / count - per.prefill);
    per.decode += a * (decodeSeconds / count - per.decode);
  }

  /** The share of `model`'s arrivals the queue refuses at fleet time `nowMs`. */
  refusedShare(model: string, nowMs: number): number {
    const demand = this.#offered(model, nowMs);
    const peak = Math.max(demand.prefill, demand.decode);
    return peak > ADMISSION_CAPACITY ? 1 - ADMISSION_CAPACITY / peak : 0;
  }

  /** `model`'s requests in flight per phase at fleet time `nowMs`, as admitted. */
  inflight(model: string, nowMs: number): Readonly<PhaseWork> {
    const demand = this.#offered(model, nowMs);
    const admitted = 1 - this.refusedShare(model, nowMs);
    return { prefill: demand.prefill * admitted, decode: demand.decode * admitted };
  }

  /** Share of the admission queue's slots (both phases) in use at `nowMs`, from 0 to 1. */
  utilization(nowMs: number): number {
    let inflight = 0;
    for (const model of this.#models.keys()) {
      const phases = this.inflight(model, nowMs);
      inflight += phases.prefill + phases.decode;
    }
    return Math.min(1, inflight / (2 * ADMISSION_CAPACITY));
  }

  /** Forgets the requests in flight (a restarted router). */
  clear(): void {
    this.#models.clear();
  }

  // The work the arrivals of the window would put in flight, per phase (pruning older seconds).
  #offered(model: string, nowMs: number): PhaseWork {
    const load = this.#models.get(model);
    if (load === undefined) return { prefill: 0, decode: 0 };
    const since = Math.floor(nowMs / 1000) - WINDOW_SECONDS;
    let count = 0;
    for (const [second, weight] of load.offered) {
      if (second <= since) load.offered.delete(second);
      else count += weight;
    }
    const rate = count / WINDOW_SECONDS;
    return { prefill: rate * load.perRequest.prefill, decode: rate * load.perRequest.decode };
  }

  #load(model: string): ModelLoad {
    let load = this.#models.get(model);
    if (load === undefined) {
      load = { offered: new Map(), perRequest: { prefill: 0, decode: 0 } };
      this.#models.set(model, load);
    }
    return load;
  }
}
