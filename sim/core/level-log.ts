import type { LogLevel } from "./env-filter.ts";

/**
 * A log with tracing's level shorthands: `info(target, message, ...)` is `log("info", target,
 * message, ...)`, whatever else (fields, span, request scope) the log takes after the message.
 *
 * @example
 * class Log extends LevelLog<[fields?: LogFields]> {
 *   log(level: LogLevel, target: string, message: string, fields?: LogFields): void { ... }
 * }
 */
export abstract class LevelLog<Rest extends unknown[]> {
  /** Writes one event if the log's filter enables it. */
  abstract log(level: LogLevel, target: string, message: string, ...rest: Rest): void;

  trace(target: string, message: string, ...rest: Rest): void {
    this.log("trace", target, message, ...rest);
  }

  debug(target: string, message: string, ...rest: Rest): void {
    this.log("debug", target, message, ...rest);
  }

  info(target: string, message: string, ...rest: Rest): void {
    this.log("info", target, message, ...rest);
  }

  warn(target: string, message: string, ...rest: Rest): void {
    this.log("warn", target, message, ...rest);
  }

  error(target: string, message: string, ...rest: Rest): void {
    this.log("error", target, message, ...rest);
  }
}
