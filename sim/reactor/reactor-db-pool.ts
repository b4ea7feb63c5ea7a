import type { SeededRandom } from "../core/seeded-random.ts";

/** An idle connection beyond the pool's minimum closes after this long unused (fleet ms). */
const IDLE_TIMEOUT_MS = 30_000;
/** Connections the pool keeps open however quiet the traffic. */
const MIN_CONNECTIONS = 2;

/** One pooled connection: busy until a fleet time (ms), and when it was last handed out. */
interface Connection {
  busyUntil: number;
  lastUsed: number;
}

/** What one acquire came to: the seconds it waited, and whether it timed out. */
export interface Acquire {
  readonly waitSeconds: number;
  readonly timedOut: boolean;
}

/**
 * A reactor-server's database pool in front of Supavisor: up to `max` connections, opened on
 * demand and closed after 30 s idle, each held for as long as a request's queries run. An
 * acquire takes the first idle connection; with none idle and the pool at its maximum it waits
 * for the first to come free, and gives up after `timeoutSeconds` (the request answers 503).
 * So the pool is exhausted only when the load times the query time outgrows `max` connections:
 * size, idle, waiting and acquire times all follow the requests and how long they hold on.
 */
export class ReactorDbPool {
  readonly max: number;
  readonly #timeoutMs: number;
  readonly #random: SeededRandom;
  #connections: Connection[] = [];
  /** When each acquire still waiting at the latest request ends (fleet ms). */
  #waits: number[] = [];

  constructor(options: { max: number; timeoutSeconds: number; random: SeededRandom }) {
    this.max = options.max;
    this.#timeoutMs = options.timeoutSeconds * 1000;
    this.#random = options.random;
  }

  /** Takes a connection at fleet time `at` (ms) for `holdSeconds` of queries, waiting if need be. */
  acquire(at: number, holdSeconds: number): Acquire {
    const hold = holdSeconds * 1000;
    const idle = this.#connections.find((c) => c.busyUntil <= at);
    if (idle !== undefined || this.#connections.length < this.max) {
      const connection = idle ?? { busyUntil: at, lastUsed: at };
      if (idle === undefined) this.#connections.push(connection);
      // A pooled handout: a few hundred microseconds, more for a fresh connection.
      const wait = this.#random.logNormal(idle === undefined ? 0.004 : 0.0004, 0.6);
      connection.busyUntil = at + wait * 1000 + hold;
      connection.lastUsed = at;
      return { waitSeconds: wait, timedOut: false };
    }
    const first = this.#connections.reduce((a, b) => (b.busyUntil < a.busyUntil ? b : a));
    const waitMs = first.busyUntil - at;
    if (waitMs > this.#timeoutMs) {
      this.#waits.push(at + this.#timeoutMs);
      return { waitSeconds: this.#timeoutMs / 1000, timedOut: true };
    }
    this.#waits.push(first.busyUntil);
    first.busyUntil += hold;
    first.lastUsed = at;
    return { waitSeconds: waitMs / 1000, timedOut: false };
  }

  /** Closes connections idle for 30 s beyond the minimum, and forgets waits that have ended. */
  settle(now: number): void {
    this.#waits = this.#waits.filter((end) => end > now);
    let open = this.#connections.length;
    this.#connections = this.#connections.filter((c) => {
      const close =
        open > MIN_CONNECTIONS && c.busyUntil <= now && now - c.lastUsed > IDLE_TIMEOUT_MS;
      if (close) open--;
      return !close;
    });
  }

  /** The pool at fleet time `now`: connections open, idle ones, and acquires still waiting. */
  stats(now: number): { size: number; idle: number; waiting: number; exhausted: boolean } {
    const size = this.#connections.length;
    const idle = this.#connections.filter((c) => c.busyUntil <= now).length;
    const waiting = this.#waits.filter((end) => end > now).length;
    return { size, idle, waiting, exhausted: size === this.max && idle === 0 && waiting > 0 };
  }

  /** A restarted process: every connection closed, nobody waiting. */
  reset(): void {
    this.#connections = [];
    this.#waits = [];
  }
}
