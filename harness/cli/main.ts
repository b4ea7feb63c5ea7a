import path from "node:path";
import { parseArgs } from "node:util";
import { FiredrillError, InputError } from "../errors.ts";
import type { SuiteRun } from "../result/reporter.ts";
import { resolveRuleFiles } from "../rules/resolve-rule-files.ts";
import { defaultFixtures, removeLeftovers, runSuite } from "../runner/run-suite.ts";
import { printSetupProgress } from "../setup/print-setup-progress.ts";
import { setup } from "../setup/setup.ts";
import { compareRuns, renderStability } from "../stability/compare-runs.ts";
import type { DriverName } from "../stack/types.ts";
import { repoRoot } from "../tools/tools.ts";
import { compareCommand } from "./compare-command.ts";
import { coverageCommand } from "./coverage-command.ts";
import { faultsCommand } from "./faults-command.ts";
import { parseJobs, parsePrometheusVersion, parseSpeed } from "./flags.ts";
import { fleetCommand } from "./fleet-command.ts";
import { withInterrupts } from "./interrupts.ts";
import { latencyCommand } from "./latency-command.ts";
import { lintCommand } from "./lint-command.ts";
import { mutateCommand } from "./mutate-command.ts";
import { parseReporters } from "./parse-reporters.ts";
import { parseSeeds } from "./parse-seeds.ts";
import { rehearseCommand } from "./rehearse-command.ts";

/** The speed-up CI and the quick start use: 15s scrapes become 0.5s. */
export const DEFAULT_SPEED = 30;

const HELP = `firedrill: fire drills for an observability stack

Usage:
  firedrill run <files or folders...> [--driver processes|containers] [--speed N]
                [--scenario NAME] [--report-dir DIR] [--rules FILE|FOLDER|GLOB]...
                [--alertmanager-config FILE] [--prometheus-port N] [--alertmanager-port N]
                [--jobs N] [--repeat N]
                [--prometheus-version 3.16.0|3.5.x]
                [--reporter terminal|json|junit|html]...
                                --reporter picks what reports the run (default: all four)
                                --repeat N runs the suite N times (run-1 … run-N) and checks
                                every scenario gets the same verdict each time
  firedrill compare <results.json or report folders...>
                                compare the verdicts of earlier runs of the same suite
  firedrill latency <results.json or report folder>
                                each alert's detection latency against its budget (Markdown)
  firedrill fleet [--systems a,b] [--nodes N] [--shape system.field=N]... [--speed N]
                  [--otlp-endpoint URL] [--file-sd FILE]
                                start the fleet alone and print its scrape targets (file_sd JSON)
  firedrill rehearse [--systems a,b] [--speed N] [--rules FILE]... [--alertmanager-config FILE]
                     [--driver processes|containers] [--port N] [--save-dir DIR]
                                start the stack and the fleet and serve a page on 127.0.0.1 to
                                inject faults by hand, watch alerts and save it as a scenario
  firedrill faults [--system NAME] [--json]
                                list every fault of the simulated systems, with its params
  firedrill coverage [files or folders...] [--rules FILE|FOLDER|GLOB]... [--json]
                                which scenarios make each alert fire and check it stays silent;
                                exits 1 if an alert is left out or a scenario names an unknown one
  firedrill lint [--rules FILE|FOLDER|GLOB]... [dashboards...]
                                check every rule's and dashboard query's selectors against the
                                fleet's catalogues, ranges and \`for\`; exits 1 on any problem
  firedrill mutate [files or folders...] [--alert NAME]... [--mutant ID]... [--jobs N]
                   [--speed N] [--report-dir DIR] [--prometheus-version V]
                                break each alerting rule in turn (deleted; each threshold x10)
                                and check a scenario fails naming it; exits 1 if one survives
  firedrill setup [--force] [--prometheus-version V]
                                build Prometheus, Alertmanager and the Collector into .tools/
                                (--prometheus-version: a pinned line besides the default, 3.5.x)
  firedrill cleanup             remove processes and containers left by a crashed run

Exit codes: 0 all expectations held, 1 an expectation failed, 2 bad input or a stack that
would not start, 130 interrupted.`;

function fail(message: string): never {
  throw new InputError(`${message}\n\n${HELP}`);
}

/** `firedrill run`. */
async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      driver: { type: "string" },
      speed: { type: "string", default: String(DEFAULT_SPEED) },
      scenario: { type: "string" },
      "report-dir": { type: "string" },
      rules: { type: "string", multiple: true },
      "alertmanager-config": { type: "string" },
      "prometheus-port": { type: "string" },
      jobs: { type: "string", default: "1" },
      "alertmanager-port": { type: "string" },
      repeat: { type: "string", default: "1" },
      "prometheus-version": { type: "string" },
      reporter: { type: "string", multiple: true },
      time: { type: "string", default: "live" },
      seed: { type: "string" },
      seeds: { type: "string" },
    },
  });
  if (positionals.length === 0)
    fail("firedrill run: name scenario files or folders, e.g. `firedrill run scenarios/`.");
  const time = values.time;
  if (time !== "live" && time !== "virtual") {
    fail(`firedrill run: --time must be live or virtual (got "${time}").`);
  }
  const seeds = parseSeeds("firedrill run", time, values.seed, values.seeds);
  const speed = parseSpeed("firedrill run", values.speed);
  const prometheusVersion = parsePrometheusVersion("firedrill run", values["prometheus-version"]);
  const driver = values.driver;
  if (driver !== undefined && driver !== "processes" && driver !== "containers") {
    fail(`firedrill run: --driver must be processes or containers (got "${driver}").`);
  }
  const fixedPorts: { prometheus?: number; alertmanager?: number } = {};
  for (const component of ["prometheus", "alertmanager"] as const) {
    const text = values[`${component}-port`];
    if (text === undefined) continue;
    const port = Number(text);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      fail(`firedrill run: --${component}-port must be a port number (got "${text}").`);
    }
    fixedPorts[component] = port;
  }
  const jobs = parseJobs("firedrill run", values.jobs);
  if (jobs > 1 && Object.keys(fixedPorts).length > 0) {
    fail(
      "firedrill run: --prometheus-port and --alertmanager-port need --jobs 1: parallel stacks cannot share a port.",
    );
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const reportDir = path.resolve(
    values["report-dir"] ?? path.join(repoRoot, "reports/runs", stamp),
  );
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) {
    fail(`firedrill run: --repeat must be a whole number from 1 to 20 (got "${values.repeat}").`);
  }
  const reporter = parseReporters("firedrill run", values.reporter, { parallel: jobs > 1 });
  const fixtures = await defaultFixtures();
  const ruleFiles = values.rules ? await resolveRuleFiles(values.rules) : fixtures.ruleFiles;
  return withInterrupts(async (signal) => {
    const runs: SuiteRun[] = [];
    for (let i = 1; i <= repeat; i++) {
      // Repeated runs each get a folder: run-1, run-2, …
      const dir = repeat > 1 ? path.join(reportDir, `run-${i}`) : reportDir;
      if (repeat > 1) process.stderr.write(`\n═══ run ${i} of ${repeat} ═══\n`);
      const result = await runSuite({
        inputs: positionals,
        ...(values.scenario ? { only: values.scenario } : {}),
        ...(driver ? { driver: driver as DriverName } : {}),
        speed,
        reportDir: dir,
        ruleFiles,
        alertmanagerConfig: path.resolve(
          values["alertmanager-config"] ?? fixtures.alertmanagerConfig,
        ),
        catalogues: fixtures.catalogues,
        reporter,
        jobs,
        fixedPorts,
        log: (line) => process.stderr.write(`${line}\n`),
        signal,
        prometheusVersion,
        time,
        ...(seeds ? { seeds } : {}),
      });
      runs.push({ label: `run ${i}`, reportDir: dir, result });
    }
    const results = runs.map((r) => r.result);
    if (repeat > 1) await reporter.onRunsEnd?.(runs, reportDir);
    if (repeat === 1) {
      return results[0]!.scenarios.every((s) => s.state === "passed" || s.state === "skipped")
        ? 0
        : 1;
    }
    const stability = compareRuns(results);
    process.stdout.write(`\n${renderStability(stability, results)}\n`);
    return stability.stable && stability.allPassed ? 0 : 1;
  });
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "run":
        return await run(rest);
      case "mutate":
        return await mutateCommand(rest);
      case "fleet":
        return await fleetCommand(rest);
      case "faults":
        return await faultsCommand(rest);
      case "rehearse":
        return await rehearseCommand(rest);
      case "coverage":
        return await coverageCommand(rest);
      case "lint":
        return await lintCommand(rest);
      case "compare":
        return await compareCommand(rest);
      case "latency":
        return await latencyCommand(rest);
      case "setup": {
        const { values } = parseArgs({
          args: rest,
          options: { force: { type: "boolean" }, "prometheus-version": { type: "string" } },
        });
        await setup({
          force: values.force ?? false,
          onProgress: printSetupProgress(),
          prometheusVersion: parsePrometheusVersion(
            "firedrill setup",
            values["prometheus-version"],
          ),
        });
        return 0;
      }
      case "cleanup": {
        const count = await removeLeftovers((line) => process.stderr.write(`${line}\n`));
        if (count === 0) process.stderr.write("nothing to clean up\n");
        return 0;
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(`${HELP}\n`);
        return command === undefined ? 2 : 0;
      default:
        return fail(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof FiredrillError) {
      process.stderr.write(`\nfiredrill: ${error.message}\n`);
      return error.exitCode;
    }
    if (
      error instanceof TypeError &&
      (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      process.stderr.write(`\nfiredrill: ${error.message}\n\n${HELP}\n`);
      return 2;
    }
    process.stderr.write(
      `\nfiredrill: internal error: ${(error as Error).stack ?? String(error)}\n`,
    );
    return 2;
  }
}
