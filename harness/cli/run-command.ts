import path from "node:path";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { InputError } from "../errors.ts";
import { withConfigArgs } from "../project/config-args.ts";
import { CONFIG_FILE } from "../project/load-config.ts";
import type { SuiteRun } from "../result/index.ts";
import { resolveRuleFiles } from "../rules/index.ts";
import { defaultFixtures, runSuite } from "../runner/run-suite.ts";
import { parseShard, selectShard } from "../runner/select-shard.ts";
import { loadScenarios } from "../scenario/load-scenarios.ts";
import { compareRuns, renderStability } from "../stability/compare-runs.ts";
import type { DriverName } from "../stack/index.ts";
import { defaultReportDir } from "./default-report-dir.ts";
import { parseJobs, parsePrometheusVersion, parseSpeed } from "./flags.ts";
import { HELP } from "./help.ts";
import { withInterrupts } from "./interrupts.ts";
import { parseReporters } from "./parse-reporters.ts";
import { parseSeeds } from "./parse-seeds.ts";

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

/** `firedrill run`: resolves to its exit code (0 when every scenario passed or was skipped). */
export async function runCommand(cliArgs: string[]): Promise<number> {
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
