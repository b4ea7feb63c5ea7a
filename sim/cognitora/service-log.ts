import type { LogLevel } from "../core/env-filter.ts";
import { LevelLog } from "../core/level-log.ts";
import type { LogFields, Logger, LogSpan } from "../core/logger.ts";

/** The request an event belongs to: x-request-id and cgn-auth's subject. */
export interface RequestScope {
  readonly requestId: string;
  readonly subject: string;
}

/**
 * cgn-telemetry's log layer for one binary: every event carries the fields the platform always
 * emits (service, version, node_id, request_id, subject) next to timestamp, level, target and
 * message. Events outside a request carry empty request_id and subject.
 *
 * @example
 * log.info("cgn_router::admission", "request completed", { model }, { requestId, subject });
 */
export class ServiceLog extends LevelLog<
  [fields?: LogFields, scope?: RequestScope, span?: LogSpan]
> {
  readonly #logger: Logger;
  readonly #base: LogFields;

  constructor(options: { logger: Logger; service: string; version: string; nodeId: string }) {
    super();
    this.#logger = options.logger;
    this.#base = { service: options.service, version: options.version, node_id: options.nodeId };
  }

  enabled(level: LogLevel, target: string): boolean {
    return this.#logger.enabled(level, target);
  }

  log(
    level: LogLevel,
    target: string,
    message: string,
    fields?: LogFields,
    scope?: RequestScope,
    span?: LogSpan,
  ): void {
    if (!this.#logger.enabled(level, target, span)) return;
    this.#logger.log(
      level,
      target,
      message,
      {
        ...this.#base,
        request_id: scope?.requestId ?? "",
        subject: scope?.subject ?? "",
        ...fields,
      },
      span,
    );
  }
}
