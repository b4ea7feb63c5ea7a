import type { ScenarioResult } from "../result/index.ts";
import { runSeeds } from "../runner/run-seeds.ts";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import { type RunVirtualScenarioOptions, runVirtualScenario } from "./run-virtual-scenario.ts";

/**
 * Runs a scenario once per workload seed in virtual time (see runSeeds): the verdict must hold
 * for every seed, and the failing ones are named for replay with `--seed`.
 */
export async function runVirtualSeeds(
  loaded: LoadedScenario,
  seeds: readonly number[],
  options: Omit<RunVirtualScenarioOptions, "seed">,
): Promise<ScenarioResult> {
  return runSeeds(seeds, options.dir, (seed, dir) =>
    runVirtualScenario(loaded, { ...options, dir, seed }),
  );
}
