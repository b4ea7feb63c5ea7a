import type { ScenarioResult } from "../result/index.ts";

/**
 * Runs a scenario once per workload seed (each in its own folder, `seed-<S>`, when there are
 * several). The verdict must hold for every seed: the result is the first failing seed's (else
 * the first seed's), naming every seed run and every one that failed, for replay with `--seed`.
 */
export async function runSeeds(
  seeds: readonly number[],
  dir: string,
  runOne: (seed: number, dir: string) => Promise<ScenarioResult>,
): Promise<ScenarioResult> {
  const results: { seed: number; result: ScenarioResult }[] = [];
  for (const seed of seeds) {
    const result = await runOne(seed, seeds.length > 1 ? `${dir}/seed-${seed}` : dir);
    results.push({ seed, result });
    if (result.state === "skipped") break;
  }
  const failing = results.filter(
    (r) => r.result.state !== "passed" && r.result.state !== "skipped",
  );
  const shown = failing[0] ?? results[0]!;
  return {
    ...shown.result,
    wallSeconds: results.reduce((n, r) => n + r.result.wallSeconds, 0),
    seeds: results.map((r) => r.seed),
    failingSeeds: failing.map((r) => r.seed),
  };
}
