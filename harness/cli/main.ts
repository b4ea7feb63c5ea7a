import path from "node:path";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { FiredrillError, InputError } from "../errors.ts";
import { withConfigArgs } from "../project/config-args.ts";
import { initProject } from "../project/init-project.ts";
import { CONFIG_FILE } from "../project/load-config.ts";
import type { SuiteRun } from "../result/index.ts";
import { resolveRuleFiles } from "../rules/index.ts";
import { defaultFixtures, removeLeftovers, runSuite } from "../runner/run-suite.ts";
import { parseShard, selectShard } from "../runner/select-shard.ts";
import { loadScenarios } from "../scenario/load-scenarios.ts";
import { printSetupProgress, setup } from "../setup/index.ts";
import { compareRuns, renderStability } from "../stability/compare-runs.ts";
import type { DriverName } from "../stack/index.ts";
import { compareCommand } from "./compare-command.ts";
import { coverageCommand } from "./coverage-command.ts";
import { defaultReportDir } from "./default-report-dir.ts";
import { exportCommand } from "./export-command.ts";
import { faultsCommand } from "./faults-command.ts";
import { parseJobs, parsePrometheusVersion, parseSpeed } from "./flags.ts";
import { fleetCommand } from "./fleet-command.ts";
import { asksForHelp, HELP } from "./help.ts";
import { withInterrupts } from "./interrupts.ts";
import { latencyCommand } from "./latency-command.ts";
import { lintCommand } from "./lint-command.ts";
import { mergeCommand } from "./merge-command.ts";
import { mutateCommand } from "./mutate-command.ts";
import { parseReporters } from "./parse-reporters.ts";
import { parseSeeds } from "./parse-seeds.ts";
import { rehearseCommand } from "./rehearse-command.ts";
import { tuneCommand } from "./tune-command.ts";

/** The speed-up CI and the quick start use: 15s scrapes become 0.5s. */
export const DEFAULT_SPEED = 30;

function fail(message: string): never {
  throw new InputError(`${message}\n\n${HELP}`);
}

/** `firedrill run`'s flags. */
const RUN_OPTIONS = {
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
  shard: { type: "string" },
  list: { type: "boolean" },
} as const satisfies NonNullable<ParseArgsConfig["options"]>;

/** `firedrill run`. */
async function run(cliArgs: string[]): Promise<number> {
  const args = await withConfigArgs("firedrill run", cliArgs, RUN_OPTIONS, [
    "scenarios",
    "rules",
    "alertmanagerConfig",
    "speed",
    "time",
    "jobs",
    "reporters",
    "reportDir",
    "driver",
  ]);
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: RUN_OPTIONS });
  if (positionals.length === 0)
    fail(
      `firedrill run: name scenario files or folders, e.g. \`firedrill run scenarios/\`, or list them in ${CONFIG_FILE} (\`npx firedrill init\` writes one).`,
    );
  const time = values.time;
  if (time !== "live" && time !== "virtual") {
    fail(`firedrill run: --time must be live or virtual (got "${time}").`);
  }
  const seeds = parseSeeds("firedrill run", values.seed, values.seeds);
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
  const reportDir = path.resolve(values["report-dir"] ?? defaultReportDir(stamp));
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) {
    fail(`firedrill run: --repeat must be a whole number from 1 to 20 (got "${values.repeat}").`);
  }
  const reporter = parseReporters("firedrill run", values.reporter, { parallel: jobs > 1 });
  const shard = values.shard === undefined ? undefined : parseShard("firedrill run", values.shard);
  if (values.list) {
    // What this invocation would run (after --scenario and --shard), and nothing else.
    const loaded = await loadScenarios(
      positionals,
      values.scenario ? { only: values.scenario } : {},
    );
    for (const { file, scenario, location } of shard ? selectShard(loaded, shard) : loaded) {
      const where = path.relative(process.cwd(), location?.file ?? file);
      process.stdout.write(`${where}${location ? `:${location.line}` : ""}  ${scenario.name}\n`);
    }
    return 0;
  }
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
        ...(shard ? { shard } : {}),
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
  if (command !== undefined && asksForHelp(rest)) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
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
      case "merge":
        return await mergeCommand(rest);
      case "latency":
        return await latencyCommand(rest);
      case "export":
        return await exportCommand(rest);
      case "tune":
        return await tuneCommand(rest);
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
      case "init": {
        parseArgs({ args: rest, options: {} });
        const written = await initProject(process.cwd());
        process.stdout.write(
          `${written.map((f) => `wrote ${f}`).join("\n")}\nnext: npx firedrill run (npx firedrill setup first provisions the stack's binaries)\n`,
        );
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
