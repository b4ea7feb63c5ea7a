import type { Writable } from "node:stream";
import type { Clock } from "./clock.ts";
import type { EnvFilter, LogLevel } from "./env-filter.ts";
import { LevelLog } from "./level-log.ts";

/** How log lines look: tracing-subscriber's JSON (production) or its human format (development). */
export type LogFormat = "json" | "pretty";

/** Field values an event may carry. */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

/** The span an event happened in, so a log line can be joined with its trace. */
export interface LogSpan {
  readonly name: string;
  readonly traceId: string;
  readonly spanId: string;
}

/** One event as a line is formatted from it. */
interface LogEvent {
  readonly timestamp: string;
  readonly level: LogLevel;
  readonly target: string;
  readonly message: string;
  readonly fields: LogFields | undefined;
  readonly span: LogSpan | undefined;
}

/**
 * A `tracing`-style logger writing one line per event to a stream, filtered by an EnvFilter, with
 * fleet-time timestamps. JSON lines follow tracing-subscriber's JSON format:
 * `{"timestamp","level":"INFO","fields":{"message",...},"target","span":{"name"},"trace_id","span_id","node"}`.
 *
 * @example
 * const log = new Logger({ clock, filter: EnvFilter.parse("info"), format: "json", stream: process.stdout, node: "cosmictron-0" });
 * log.info("cosmictron_wal", "WAL initialized", { segments: 3 });
 */
export class Logger extends LevelLog<[fields?: LogFields, span?: LogSpan]> {
  readonly #clock: Clock;
  readonly #filter: EnvFilter;
  readonly #format: LogFormat;
  readonly #stream: Writable;
  readonly #node: string | undefined;
  readonly #flatten: boolean;
  readonly #batch: boolean;

  constructor(options: {
    clock: Clock;
    filter: EnvFilter;
    format: LogFormat;
    stream: Writable;
    /** The simulated node's id, added to every line (many nodes share one host's stream). */
    node?: string;
    /** JSON: event fields at the top level, as tracing-subscriber's `.flatten_event(true)`. */
    flatten?: boolean;
    /**
     * Writes the lines of one turn of the event loop at once: a virtual fleet logs a burst of
     * fleet seconds in one turn, and a file write per line was a tenth of its cost.
     */
    batch?: boolean;
  }) {
    super();
    this.#clock = options.clock;
    this.#filter = options.filter;
    this.#format = options.format;
    this.#stream = options.stream;
    this.#node = options.node;
    this.#flatten = options.flatten ?? false;
    this.#batch = options.batch ?? false;
  }

  /** The same sink, with some settings replaced (a system's own filter, flattened events). */
  derive(options: { node?: string; filter?: EnvFilter; flatten?: boolean }): Logger {
    return new Logger({
      clock: this.#clock,
      filter: options.filter ?? this.#filter,
      format: this.#format,
      stream: this.#stream,
      flatten: options.flatten ?? this.#flatten,
      batch: this.#batch,
      ...((options.node ?? this.#node) !== undefined && {
        node: (options.node ?? this.#node) as string,
      }),
    });
  }

  /** The same sink and filter, labelled with another node id. */
  forNode(node: string): Logger {
    return new Logger({
      clock: this.#clock,
      filter: this.#filter,
      format: this.#format,
      stream: this.#stream,
      node,
      flatten: this.#flatten,
    });
  }

  /** Whether an event would be written; check before building expensive fields. */
  enabled(level: LogLevel, target: string, span?: LogSpan): boolean {
    return this.#filter.enabled(level, target, span?.name);
  }

  /** Writes one event if the filter enables it. */
  log(level: LogLevel, target: string, message: string, fields?: LogFields, span?: LogSpan): void {
    if (!this.enabled(level, target, span)) return;
    const event: LogEvent = {
      timestamp: new Date(this.#clock.now()).toISOString(),
      level,
      target,
      message,
      fields,
      span,
    };
    const line = this.#format === "json" ? this.#json(event) : this.#pretty(event);
    if (!this.#stream.writable) return;
    if (this.#batch && this.#stream.writableCorked === 0) {
      this.#stream.cork();
      setImmediate(() => this.#stream.uncork());
    }
    this.#stream.write(`${line}\n`);
  }

  // tracing-subscriber's JSON layout, plus the span's trace context and the node id.
  #json({ timestamp, level, target, message, fields, span }: LogEvent): string {
    const event = { message, ...fields };
    const line: Record<string, unknown> = this.#flatten
      ? { timestamp, level: level.toUpperCase(), ...event, target }
      : { timestamp, level: level.toUpperCase(), fields: event, target };
    if (span) {
      line.span = { name: span.name };
      line.trace_id = span.traceId;
      line.span_id = span.spanId;
    }
    if (this.#node !== undefined) line.node = this.#node;
    return JSON.stringify(line);
  }

  // tracing-subscriber's default human format: `<ts>  INFO span: target: message k=v`.
  #pretty({ timestamp, level, target, message, fields, span }: LogEvent): string {
    const parts = [`${timestamp} ${level.toUpperCase().padStart(5)}`];
    if (this.#node !== undefined) parts.push(`${this.#node}:`);
    if (span) parts.push(`${span.name}{trace_id=${span.traceId} span_id=${span.spanId}}:`);
    parts.push(`${target}: ${message}`);
    for (const [key, value] of Object.entries(fields ?? {})) {
      if (value !== undefined) parts.push(`${key}=${value}`);
    }
    return parts.join(" ");
  }
}
