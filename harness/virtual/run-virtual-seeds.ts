import type { ScenarioResult } from "../result/result.ts";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import { type RunVirtualScenarioOptions, runVirtualScenario } from "./run-virtual-scenario.ts";

/**
 * Runs a scenario once per workload seed in virtual time. The verdict must hold for every
 * seed: the result is the first failing seed's (else the first seed's), naming every seed
 * run and every one that failed, for replay with `--seed`.
 */
export async function runVirtualSeeds(
  loaded: LoadedScenario,
  seeds: readonly number[],
  options: Omit<RunVirtualScenarioOptions, "seed">,
): Promise<ScenarioResult> {
  const results: { seed: number; result: ScenarioResult }[] = [];
  for (const seed of seeds) {
    const dir = seeds.length > 1 ? `${options.dir}/seed-${seed}` : options.dir;
    const result = await runVirtualScenario(loaded, { ...options, dir, seed });
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
