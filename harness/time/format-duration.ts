import { InputError } from "../errors.ts";

// Units both Prometheus (model.Duration) and Go (time.ParseDuration, the Collector) accept.
const units = [
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1000],
  ["ms", 1],
] as const;

/**
 * Renders whole milliseconds as a duration that Prometheus, Alertmanager and the Collector
 * all accept: hours at most, units combined, zero parts left out.
 * @example formatDuration(90_000) // "1m30s"
 * @example formatDuration(500) // "500ms"
 */
export function formatDuration(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) {
    throw new InputError(
      `Failed to format a duration: ${ms} is not a whole, non-negative number of milliseconds. Round it to a millisecond first.`,
    );
  }
  if (ms === 0) return "0s";
  let rest = ms;
  let text = "";
  for (const [unit, factor] of units) {
    const count = Math.floor(rest / factor);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * factor;
  }
  return text;
}
