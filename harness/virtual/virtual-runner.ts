import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Reporter, ScenarioResult } from "../result/index.ts";
import { ensureEvaluator } from "../runner/ensure-evaluator.ts";
import type { JudgedConfiguration } from "../runner/judge-observations.ts";
import { readJudgedConfiguration } from "../runner/read-judged-configuration.ts";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import { evaluatorSourceDir } from "../setup/index.ts";
import { runVirtualSeeds } from "./run-virtual-seeds.ts";

/** What `firedrill run --time virtual` needs to know. */
export interface VirtualRunnerOptions {
  readonly reportDir: string;
  readonly ruleFiles: readonly string[];
  readonly alertmanagerConfig: string;
  readonly reporter: Reporter;
  readonly seeds?: (scenarioSeed: number) => readonly number[];
  readonly log?: (line: string) => void;
  /** The configuration computed windows come from; the run's own by default. */
  readonly windowsFrom?: JudgedConfiguration;
  readonly signal?: AbortSignal;
}

/**
 * Prepares virtual time for a suite: builds the evaluator when these sources have none yet,
 * reads the Prometheus and Alertmanager module versions it is built against and the rules and
 * routes judging needs, and returns the per-scenario runner.
 */
export async function virtualRunner(options: VirtualRunnerOptions): Promise<{
  versions: Readonly<Record<string, string>>;
  evaluator: string;
  run: (loaded: LoadedScenario) => Promise<ScenarioResult>;
}> {
  const evaluator = await ensureEvaluator(options.log);
  const versions = await evaluatorModuleVersions();
  // What judging reads of the rules and routes, read once for every scenario and seed.
  const judged = await readJudgedConfiguration(options.ruleFiles, options.alertmanagerConfig);
  return {
    versions: { ...versions, collector: "none (virtual time)", node: process.version },
    evaluator,
    run: (loaded) =>
      runVirtualSeeds(
        loaded,
        options.seeds?.(loaded.scenario.seed ?? 42) ?? [loaded.scenario.seed ?? 42],
        {
          evaluator,
          ruleFiles: options.ruleFiles,
          alertmanagerConfig: options.alertmanagerConfig,
          judged,
          dir: path.join(options.reportDir, "scenarios", loaded.scenario.name),
          reporter: options.reporter,
          ...(options.windowsFrom ? { windowsFrom: options.windowsFrom } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        },
      ),
  };
}

/** The Prometheus and Alertmanager versions the evaluator's go.mod requires. */
export async function evaluatorModuleVersions(): Promise<{
  prometheus: string;
  alertmanager: string;
}> {
  const gomod = await readFile(path.join(evaluatorSourceDir, "go.mod"), "utf8");
  const version = (module: string) =>
    new RegExp(`^\\s*github\\.com/prometheus/${module} (v\\S+)`, "m").exec(gomod)?.[1] ?? "unknown";
  // Prometheus 3.x is released as Go module v0.3xx.y: v0.316.0 is 3.16.0.
  const prom = version("prometheus");
  const m = /^v0\.(\d)(\d\d)\.(\d+)$/.exec(prom);
  return {
    prometheus: m ? `${m[1]}.${Number(m[2])}.${m[3]} (module ${prom}, virtual time)` : prom,
    alertmanager: `${version("alertmanager").replace(/^v/, "")} (module, virtual time)`,
  };
}
