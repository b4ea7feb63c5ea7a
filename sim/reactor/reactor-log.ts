import type { Clock } from "../core/clock.ts";
import type { LogLevel } from "../core/env-filter.ts";
import type { LogFields, Logger } from "../core/logger.ts";

/** One log line in the document's JSON shape, as /_admin/logs streams it. */
export interface ReactorLogEntry {
  readonly timestamp: string;
  readonly level: string;
  readonly target: string;
  readonly fields: Readonly<Record<string, string | number | boolean>>;
}

/** Lines kept for /_admin/logs; older ones are dropped (the stream is a tail, not an archive). */
const DEFAULT_CAPACITY = 2000;

/**
 * A reactor-server's log: every event the REACTOR_TRACING__FILTER enables goes to the host's
 * log sink (json or pretty) and into a bounded buffer that /_admin/logs replays and follows.
 *
 * @example
 * const log = new ReactorLog({ clock, logger: hostLogger.forNode("reactor-0") });
 * const stop = log.subscribe((entry) => console.log(entry.target));
 * log.info("reactor_data", "request completed", { method: "GET", path: "/data/v1/users", status: 200, duration_ms: 12 });
 */
export class ReactorLog {
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #capacity: number;
  #entries: ReactorLogEntry[] = [];
  readonly #subscribers = new Set<(entry: ReactorLogEntry) => void>();

  constructor(options: { clock: Clock; logger: Logger; capacity?: number }) {
    this.#clock = options.clock;
    this.#logger = options.logger;
    this.#capacity = options.capacity ?? DEFAULT_CAPACITY;
  }

  /** Whether an event would be written; check before building expensive fields. */
  enabled(level: LogLevel, target: string): boolean {
    return this.#logger.enabled(level, target);
  }

  /** Writes one event if the filter enables it. */
  log(level: LogLevel, target: string, message: string, fields: LogFields = {}): void {
    if (!this.#logger.enabled(level, target)) return;
    this.#logger.log(level, target, message, fields);
    const clean: Record<string, string | number | boolean> = { message };
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) clean[key] = value;
    }
    const entry: ReactorLogEntry = {
      timestamp: new Date(this.#clock.now()).toISOString(),
      level: level.toUpperCase(),
      target,
      fields: clean,
    };
    this.#entries.push(entry);
    // Trims in batches, so a full buffer does not copy itself on every line.
    if (this.#entries.length > this.#capacity * 1.25) {
      this.#entries = this.#entries.slice(-this.#capacity);
    }
    for (const subscriber of this.#subscribers) subscriber(entry);
  }

  debug(target: string, message: string, fields?: LogFields): void {
    this.log("debug", target, message, fields);
  }

  info(target: string, message: string, fields?: LogFields): void {
    this.log("info", target, message, fields);
  }

  warn(target: string, message: string, fields?: LogFields): void {
    this.log("warn", target, message, fields);
  }

  error(target: string, message: string, fields?: LogFields): void {
    this.log("error", target, message, fields);
  }

  /** The buffered lines, oldest first. */
  entries(): readonly ReactorLogEntry[] {
    return this.#entries;
  }

  /** Calls `fn` with every new line; the returned function unsubscribes. */
  subscribe(fn: (entry: ReactorLogEntry) => void): () => void {
    this.#subscribers.add(fn);
    return () => {
      this.#subscribers.delete(fn);
    };
  }
}
