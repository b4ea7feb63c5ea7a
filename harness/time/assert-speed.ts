import { InputError } from "../errors.ts";

/**
 * Checks that a speed is a positive finite number; every time-scaling function calls it first.
 * @example assertSpeed(30);
 */
export function assertSpeed(speed: number): void {
  if (!Number.isFinite(speed) || speed <= 0) {
    throw new InputError(
      `Failed to scale time: speed ${speed} is not a positive number. Pass a speed such as 1 (real time) or 30 (30 fleet seconds per wall second).`,
    );
  }
}
