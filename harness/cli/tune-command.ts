import path from "node:path";
import { parseArgs } from "node:util";
import { writeTuneReport } from "../../reports/html/write-tune-report.ts";
import { InputError } from "../errors.ts";
import { withConfigArgs } from "../project/config-args.ts";
import { renderTune } from "../tune/render-tune.ts";
import { runTune } from "../tune/run-tune.ts";
import { parseForValues, parseThresholds } from "../tune/tune-values.ts";
import { defaultScenarioInputs } from "./default-scenario-inputs.ts";
import { DRILL_INPUT_OPTIONS } from "./drill-input-options.ts";
import { parseJobs, parsePrometheusVersion, parseSpeed } from "./flags.ts";
import { withInterrupts } from "./interrupts.ts";
import { resolveDrillInputs } from "./resolve-drill-inputs.ts";

const OPTIONS = {
  threshold: { type: "string" },
  for: { type: "string" },
  time: { type: "string", default: "virtual" },
  jobs: { type: "string", default: "2" },
  ...DRILL_INPUT_OPTIONS,
} as const;

const USAGE =
  "firedrill tune <alert> [scenario files or folders...] [--threshold FROM:TO:STEP | --threshold A,B,C] [--for 0s,30s,1m] [--rules PATH]... [--alertmanager-config FILE] [--time virtual|live] [--jobs N] [--report-dir DIR]";

/**
 * `firedrill tune <alert>`: sweeps the alert's threshold and/or `for`, runs its fault drills and
 * its noise drills for each value, and prints which values catch every fault within budget and
 * never fire on noise. Exit 0 when the rule as written is among them, 1 when it is not, 2 on bad
 * input.
 */
export async function tuneCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: await withConfigArgs("firedrill tune", args, OPTIONS, [
      "rules",
      "alertmanagerConfig",
      "speed",
      "time",
      "jobs",
    ]),
    allowPositionals: true,
    options: OPTIONS,
  });
  const [alert, ...inputs] = positionals;
  if (!alert) throw new InputError(`firedrill tune: name an alert. Usage: ${USAGE}`);
  if (values.threshold === undefined && values.for === undefined) {
    throw new InputError(
      `firedrill tune: give --threshold and/or --for: the values to try. Usage: ${USAGE}`,
    );
  }
  const time = values.time;
  if (time !== "live" && time !== "virtual") {
    throw new InputError(`firedrill tune: --time must be virtual or live (got "${time}").`);
  }
  const speed = parseSpeed("firedrill tune", values.speed);
  const jobs = parseJobs("firedrill tune", values.jobs);
  const prometheusVersion = parsePrometheusVersion("firedrill tune", values["prometheus-version"]);
  const thresholds = values.threshold === undefined ? undefined : parseThresholds(values.threshold);
  const forValues = values.for === undefined ? undefined : parseForValues(values.for);
  const drillInputs = await resolveDrillInputs(values, "tune");
  return withInterrupts(async (signal) => {
    const report = await runTune({
      alert,
      ...(thresholds ? { thresholds } : {}),
      ...(forValues ? { forValues } : {}),
      inputs: inputs.length > 0 ? inputs : defaultScenarioInputs("firedrill tune"),
      ...drillInputs,
      time,
      speed,
      jobs,
      ...(prometheusVersion ? { prometheusVersion } : {}),
      signal,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(`\n${renderTune(report)}\n`);
    const v = report.versions;
    if (v.prometheus) {
      process.stdout.write(
        `versions: prometheus ${v.prometheus}, alertmanager ${v.alertmanager}${v.collector ? `, collector ${v.collector}` : ""}\n`,
      );
    }
    const page = await writeTuneReport(drillInputs.reportDir, report);
    process.stderr.write(`report: ${path.join(drillInputs.reportDir, "tune.json")}\n`);
    process.stderr.write(`html:   ${page}\n`);
    const written = report.rows.find((r) => r.candidate.asWritten);
    return written === undefined || written.verdict === "good" ? 0 : 1;
  });
}
