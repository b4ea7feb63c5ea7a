import { InputError } from "../errors.ts";

/**
 * `--seed S` (one workload seed for every scenario) and `--seeds N` (each scenario with N
 * seeds from its own), in live or virtual time. Returns the seeds of a scenario given its own seed.
 */
export function parseSeeds(
  command: string,
  seed: string | undefined,
  seeds: string | undefined,
): ((scenarioSeed: number) => readonly number[]) | undefined {
  if (seed === undefined && seeds === undefined) return undefined;
  if (seed !== undefined && seeds !== undefined) {
    throw new InputError(`${command}: give --seed S or --seeds N, not both.`);
  }
  if (seed !== undefined) {
    const s = Number(seed);
    if (!Number.isSafeInteger(s) || s < 0) {
      throw new InputError(`${command}: --seed must be a whole number ≥ 0 (got "${seed}").`);
    }
    return () => [s];
  }
  const n = Number(seeds);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new InputError(
      `${command}: --seeds must be a whole number from 1 to 1000 (got "${seeds}").`,
    );
  }
  return (own) => Array.from({ length: n }, (_, i) => own + i);
}
