import { access, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { FiredrillError } from "../errors.ts";
import type { Reporter, RunResult, ScenarioResult, SuiteEndReason } from "../result/index.ts";
import { loadScenarios } from "../scenario/load-scenarios.ts";
import { ensureTools, printSetupProgress } from "../setup/index.ts";
import type { DriverName } from "../stack/index.ts";
import { chooseDriver, cleanupLeftovers } from "../stack/index.ts";
import { repoRoot } from "../tools/tools.ts";
import { virtualRunner } from "../virtual/virtual-runner.ts";
import { ensureEvaluator } from "./ensure-evaluator.ts";
import { withPortRetry } from "./port-retry.ts";
import { readAssumptions } from "./read-assumptions.ts";
import { readJudgedConfiguration } from "./read-judged-configuration.ts";
import { readRunInputs } from "./read-run-inputs.ts";
import { runPool } from "./run-pool.ts";
import { RunAborted, type RunScenarioOptions, runScenario } from "./run-scenario.ts";
import { runSeeds } from "./run-seeds.ts";
import { type Shard, selectShard } from "./select-shard.ts";

/** Options of `firedrill run`. */
export interface RunSuiteOptions {
  readonly inputs: readonly string[];
  readonly only?: string;
  readonly driver?: DriverName;
  readonly speed: number;
  readonly reportDir: string;
  readonly ruleFiles: readonly string[];
  readonly alertmanagerConfig: string;
  readonly catalogues: readonly string[];
  readonly reporter: Reporter;
  readonly signal?: AbortSignal;
  readonly fixedPorts?: { readonly prometheus?: number; readonly alertmanager?: number };
  /** How many scenarios run at once, each on its own stack and ports (default 1). */
  readonly jobs?: number;
  /** Where setup and leftover-cleanup progress goes (the terminal). */
  readonly log?: (line: string) => void;
  /** Run only this part of the suite (`--shard K/N`, for CI jobs). */
  readonly shard?: Shard;
  /** End each scenario once this alert has missed a firing window (see RunScenarioOptions). */
  readonly stopOnceMissed?: string;
  /** A pinned Prometheus version or line (`3.5.x`); the default line when absent. */
  readonly prometheusVersion?: string;
  /** Live time: called per scenario once its timeline has played, before its stack stops. */
  readonly onTimelineEnd?: RunScenarioOptions["onTimelineEnd"];
  /** live (default): the real stack; virtual: the evaluator on a fake clock, no servers. */
  readonly time?: "live" | "virtual";
  /** The workload seeds every scenario runs with (default: its own seed), live or virtual. */
  readonly seeds?: (scenarioSeed: number) => readonly number[];
  /**
   * The configuration the drills were written against, which computed windows come from
   * (judgeObservations): `mutate` and `tune` pass the unedited rules and routes. The run's own
   * by default.
   */
  readonly windowsFrom?: {
    readonly ruleFiles: readonly string[];
    readonly alertmanagerConfig: string;
  };
}

/** The default rule files, Alertmanager config and catalogues: every system's, from fixtures/. */
export async function defaultFixtures(root: string = path.join(repoRoot, "fixtures")): Promise<{
  ruleFiles: string[];
  alertmanagerConfig: string;
  catalogues: string[];
}> {
  const systems = (await readdir(root, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const exists = (file: string) =>
    access(file).then(
      () => true,
      () => false,
    );
  const ruleFiles: string[] = [];
  const catalogues: string[] = [];
  for (const system of systems) {
    const rules = path.join(root, system, "rules.yml");
    const catalogue = path.join(root, system, "catalogue.json");
    if (await exists(rules)) ruleFiles.push(rules);
    if (await exists(catalogue)) catalogues.push(catalogue);
  }
  return { ruleFiles, alertmanagerConfig: path.join(root, "alertmanager.yml"), catalogues };
}

/** Removes what a crashed earlier run left behind, saying what it removed. */
export async function removeLeftovers(log: (line: string) => void): Promise<number> {
  const removed = await cleanupLeftovers({
    onProgress: (l) =>
      log(
        l.kind === "process"
          ? `removed leftover process ${l.pid} of run ${l.runId} (${l.command.slice(0, 80)})`
          : `removed leftover container ${l.name} of run ${l.runId}`,
      ),
  });
  if (removed.length > 0)
    log(`removed ${removed.length} leftover(s) of an earlier run whose harness died`);
  return removed.length;
}

/**
 * Runs scenarios (`jobs` at a time), each on its own stack, telling the reporter as it goes.
 * Throws FiredrillError (exit 2) on bad input or a stack that will not start, RunAborted on
 * Ctrl-C; the reporter's onSuiteEnd sees the results in every case where a scenario ran.
 */
export async function runSuite(options: RunSuiteOptions): Promise<RunResult> {
  const started = Date.now();
  const runId = `fd${started.toString(36)}`;
  const loaded = await loadScenarios(options.inputs, options.only ? { only: options.only } : {});
  const scenarios = options.shard ? selectShard(loaded, options.shard) : loaded;
  const log = options.log ?? (() => undefined);
  const inputs = await readRunInputs(options.ruleFiles, options.alertmanagerConfig, log);
  const windowsFrom = options.windowsFrom
    ? await readJudgedConfiguration(
        options.windowsFrom.ruleFiles,
        options.windowsFrom.alertmanagerConfig,
      )
    : undefined;
  await removeLeftovers(log);
  const virtual =
    options.time === "virtual"
      ? await virtualRunner({
          reportDir: options.reportDir,
          ruleFiles: options.ruleFiles,
          alertmanagerConfig: options.alertmanagerConfig,
          reporter: options.reporter,
          ...(options.seeds ? { seeds: options.seeds } : {}),
          log,
          ...(windowsFrom ? { windowsFrom } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        })
      : undefined;
  const tools = virtual
    ? undefined
    : await ensureTools({
        onProgress: printSetupProgress(),
        ...(options.prometheusVersion ? { prometheusVersion: options.prometheusVersion } : {}),
      });
  // Live runs route alerts through the evaluator too (Alertmanager's own routing tree).
  const evaluator = virtual?.evaluator ?? (await ensureEvaluator(log));
  const driver = virtual ? undefined : await chooseDriver(options.driver);
  await mkdir(options.reportDir, { recursive: true });
  await options.reporter.onSuiteStart?.({
    runId,
    scenarios,
    driver: driver?.name ?? "virtual",
    speed: virtual ? 0 : options.speed,
    reportDir: options.reportDir,
  });
  const results: ScenarioResult[] = [];
  const finish = async (reason: SuiteEndReason): Promise<RunResult> => {
    const result: RunResult = {
      runId,
      startedAt: new Date(started).toISOString(),
      wallSeconds: (Date.now() - started) / 1000,
      versions: virtual?.versions ?? {
        prometheus: tools!.prometheus.version,
        alertmanager: tools!.alertmanager.version,
        collector: tools!.otelcol.version,
        promtool: tools!.promtool.version,
        amtool: tools!.amtool.version,
        node: process.version,
      },
      assumptions: await readAssumptions(options.catalogues),
      inputs,
      scenarios: results,
    };
    await options.reporter.onSuiteEnd?.(result, reason);
    return result;
  };
  const runOne = async (loaded: (typeof scenarios)[number], signal: AbortSignal) => {
    await options.reporter.onScenarioStart?.(loaded);
    const result = await withPortRetry(loaded.scenario.name, log, options.fixedPorts, () =>
      virtual
        ? virtual.run(loaded)
        : runSeeds(
            options.seeds?.(loaded.scenario.seed ?? 42) ?? [loaded.scenario.seed ?? 42],
            path.join(options.reportDir, "scenarios", loaded.scenario.name),
            (seed, dir) =>
              runScenario(loaded, {
                runId,
                driver: driver!,
                tools: tools!,
                speed: options.speed,
                ruleFiles: options.ruleFiles,
                alertmanagerConfig: options.alertmanagerConfig,
                dir,
                reporter: options.reporter,
                seed,
                evaluator,
                ...(windowsFrom ? { windowsFrom } : {}),
                ...(options.fixedPorts ? { fixedPorts: options.fixedPorts } : {}),
                ...(options.stopOnceMissed ? { stopOnceMissed: options.stopOnceMissed } : {}),
                ...(options.onTimelineEnd ? { onTimelineEnd: options.onTimelineEnd } : {}),
                signal,
              }),
          ),
    );
    const located = loaded.location ? { ...result, location: loaded.location } : result;
    results.push(located);
    await options.reporter.onScenarioEnd?.(located);
  };
  // A failing scenario run stops the others: they share nothing but the machine.
  try {
    // Virtual time runs the fleet in this process, whose fetch msw patches once: one at a time.
    await runPool(scenarios, virtual ? 1 : (options.jobs ?? 1), runOne, options.signal);
    // Results in the suite's order, whatever order parallel runs finished in.
    results.sort(
      (a, b) =>
        scenarios.findIndex((l) => l.scenario.name === a.name) -
        scenarios.findIndex((l) => l.scenario.name === b.name),
    );
  } catch (error) {
    if (error instanceof FiredrillError || error instanceof RunAborted) {
      if (results.length > 0) await finish(error instanceof RunAborted ? "interrupted" : "error");
    }
    throw error;
  }
  return finish("finished");
}
