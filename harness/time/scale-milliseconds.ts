import { InputError } from "../errors.ts";
import { assertSpeed } from "./assert-speed.ts";
import { formatDuration } from "./format-duration.ts";

/** Largest relative error rounding to a whole millisecond may introduce before we refuse. */
const tolerance = 0.01;

/**
 * Divides a fleet-time duration in milliseconds by the speed and rounds it to the whole
 * millisecond Prometheus resolves; refuses when that loses the duration or more than 1% of it.
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
  const error = Math.abs(rounded - exact) / exact;
  if (error > tolerance) {
    throw new InputError(
      `Failed to scale ${subject}: ${shown}, which whole milliseconds can only round to ${rounded}ms (${Math.round(error * 100)}% off). Choose a speed that divides ${formatDuration(ms)} into whole milliseconds, or a lower one.`,
    );
  }
  return rounded;
}
