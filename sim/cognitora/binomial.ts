import type { SeededRandom } from "../core/seeded-random.ts";

/** Counts how many of `n` trials succeed with probability p. */
export function binomial(random: SeededRandom, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (random.chance(p)) k++;
  return k;
}
