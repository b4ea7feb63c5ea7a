import { InputError } from "../errors.ts";
import { assertSpeed } from "./assert-speed.ts";
import { formatDuration } from "./format-duration.ts";

/** The speeds `firedrill run --speed` accepts, searched for ones that divide a duration. */
const speedRange = { min: 1, max: 120 };

/**
 * Divides a fleet-time duration in milliseconds by the speed, exactly: Prometheus resolves whole
 * milliseconds, and a rounded duration (5s at 30x would be 167ms instead of 166.67) shifts every
 * evaluation a little and the error accumulates over a drill. A speed that does not divide the
 * duration into whole milliseconds is refused, naming the nearest speeds that do.
 * `where` names the file and place for the error message.
 * @example scaleMilliseconds(300_000, 30) // 10000
 */
export function scaleMilliseconds(ms: number, speed: number, where?: string): number {
  assertSpeed(speed);
  if (speed === 1 || ms === 0) return ms;
  const exact = ms / speed;
  const rounded = Math.round(exact);
  const subject = where ?? `the duration ${formatDuration(ms)}`;
  const shown = `${formatDuration(ms)} / ${speed} = ${Number(exact.toFixed(3))}ms`;
  if (rounded < 1) {
    throw new InputError(
      `Failed to scale ${subject}: ${shown}, below the 1ms that Prometheus resolves. Run at speed ${Math.floor(ms)} or lower, or lengthen the duration.`,
    );
  }
  if (Math.abs(rounded - exact) > 1e-9 * exact) {
    throw new InputError(
      `Failed to scale ${subject}: ${shown}, not a whole number of milliseconds, and rounding it would drift the drill's timing. ${nearestSpeeds(ms, speed)}`,
    );
  }
  return rounded;
}

/** "Run at speed 25 or 40, which divide 10s exactly." */
function nearestSpeeds(ms: number, speed: number): string {
  const divides = (s: number) => Number.isInteger(ms / s);
  let below: number | undefined;
  for (let s = Math.min(Math.ceil(speed) - 1, speedRange.max); s >= speedRange.min; s--) {
    if (divides(s)) {
      below = s;
      break;
    }
  }
  let above: number | undefined;
  for (let s = Math.max(Math.floor(speed) + 1, speedRange.min); s <= speedRange.max; s++) {
    if (divides(s)) {
      above = s;
      break;
    }
  }
  const speeds = [below, above].filter((s) => s !== undefined);
  const verb = speeds.length === 1 ? "divides" : "divide";
  return `Run at speed ${speeds.join(" or ")}, which ${verb} ${formatDuration(ms)} exactly.`;
}
