import { formatDuration } from "./format-duration.ts";
import { parseDuration } from "./parse-duration.ts";
import { scaleMilliseconds } from "./scale-milliseconds.ts";

/**
 * Divides a fleet-time duration string by the speed, for the stack that runs in wall time.
 * Speed 1 returns the text unchanged. `where` names the file and place for error messages.
 * @example scaleDuration("30s", 30) // "1s"
 * @example scaleDuration("5m", 30) // "10s"
 */
export function scaleDuration(text: string, speed: number, where?: string): string {
  const ms = parseDuration(text, where);
  if (speed === 1) {
    scaleMilliseconds(ms, speed, where);
    return text;
  }
  return formatDuration(scaleMilliseconds(ms, speed, where));
}
