import { PassThrough } from "node:stream";
import type { Clock } from "../core/clock.ts";
import { EnvFilter } from "../core/env-filter.ts";
import { Logger } from "../core/logger.ts";

/**
 * A JSON logger whose lines go nowhere (a drained stream), for tests that run nodes but do not
 * read their logs; `filter` (default "off") still decides which events are formatted.
 */
export function quietLogger(clock: Clock, filter = "off"): Logger {
  return new Logger({
    clock,
    filter: EnvFilter.parse(filter),
    format: "json",
    stream: new PassThrough().resume(),
  });
}
