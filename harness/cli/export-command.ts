import path from "node:path";
import { parseArgs } from "node:util";
import { InputError } from "../errors.ts";
import { exportPromtool } from "../export/export-promtool.ts";
import { withConfigArgs } from "../project/config-args.ts";
import { formatDuration, parseDuration } from "../time/index.ts";
import { DRILL_INPUT_OPTIONS } from "./drill-input-options.ts";
import { parsePrometheusVersion, parseSpeed } from "./flags.ts";
import { withInterrupts } from "./interrupts.ts";
import { parseReporters } from "./parse-reporters.ts";
import { resolveDrillInputs } from "./resolve-drill-inputs.ts";

const OPTIONS = {
  scenario: { type: "string" },
  out: { type: "string" },
  force: { type: "boolean" },
  at: { type: "string" },
  ...DRILL_INPUT_OPTIONS,
} as const;

const USAGE =
  "firedrill export promtool <scenario file> [--scenario NAME] [--out FILE] [--force] [--at 5m,12m] [--rules PATH]... [--alertmanager-config FILE] [--speed N] [--prometheus-version V] [--report-dir DIR]";

// `--at 5m,12m30s`: fleet times on the evaluation grid.
function parseAt(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  return text.split(",").map((part) => {
    const ms = parseDuration(part.trim(), "firedrill export promtool --at");
    if (ms % 15_000 !== 0) {
      throw new InputError(
        `firedrill export promtool: --at ${part.trim()} is not on the 15 s evaluation grid; use a multiple of 15s, e.g. ${formatDuration(Math.round(ms / 15_000) * 15_000)}.`,
      );
    }
    return ms / 1000;
  });
}

/**
 * `firedrill export promtool <scenario>`: runs the drill live and writes a promtool unit test of
 * it (the samples Prometheus scraped, the alerts the drill saw firing at chosen times), checked
 * with promtool. Exit 0 when promtool passes it, 1 when the drill failed or promtool sees other
 * alerts than the drill did, 2 on bad input.
 */
export async function exportCommand(args: string[]): Promise<number> {
  const [format, ...rest] = args;
  if (format !== "promtool") {
    throw new InputError(
      `firedrill export: the only format is promtool (got ${format === undefined ? "none" : `"${format}"`}). Usage: ${USAGE}`,
    );
  }
  const { values, positionals } = parseArgs({
    args: await withConfigArgs("firedrill export promtool", rest, OPTIONS, [
      "rules",
      "alertmanagerConfig",
      "speed",
    ]),
    allowPositionals: true,
    options: OPTIONS,
  });
  if (positionals.length !== 1) {
    throw new InputError(`firedrill export promtool: name one scenario file. Usage: ${USAGE}`);
  }
  const speed = parseSpeed("firedrill export promtool", values.speed);
  const prometheusVersion = parsePrometheusVersion(
    "firedrill export promtool",
    values["prometheus-version"],
  );
  const atSeconds = parseAt(values.at);
  const inputs = await resolveDrillInputs(values, "export");
  const log = (line: string) => process.stderr.write(`${line}\n`);
  return withInterrupts(async (signal) => {
    const exported = await exportPromtool({
      input: positionals[0]!,
      ...(values.scenario ? { only: values.scenario } : {}),
      ...inputs,
      speed,
      ...(prometheusVersion ? { prometheusVersion } : {}),
      reporter: parseReporters("firedrill export promtool", undefined, { parallel: false }),
      ...(values.out ? { out: values.out } : {}),
      force: values.force ?? false,
      ...(atSeconds ? { atSeconds } : {}),
      signal,
      log,
    });
    const scenario = exported.run.scenarios[0]!;
    const shown = (file: string) => {
      const relative = path.relative(process.cwd(), file);
      return relative.startsWith("..") ? file : relative;
    };
    const where = shown(exported.file);
    log(
      `\nwrote ${where}: ${exported.series} input series, ${exported.checks.length} alert checks${exported.extracted.length ? `, rules extracted to ${exported.extracted.map(shown).join(", ")}` : ""}`,
    );
    for (const check of exported.checks) {
      log(
        `  at ${formatDuration(check.evalSeconds * 1000).padEnd(7)} ${check.alertname}: ${check.firing.length === 0 ? "none firing" : `${check.firing.length} firing`}`,
      );
    }
    for (const line of exported.disagreements) log(`disagreement: ${line}`);
    log(
      exported.promtool.passed
        ? `promtool test rules ${where}: passed`
        : `promtool test rules ${where}: FAILED\n${exported.promtool.output}`,
    );
    if (scenario.state === "failed") {
      log(
        `the drill ${scenario.name} itself failed: the test records what it saw, not what it expects`,
      );
    }
    return exported.promtool.passed && scenario.state === "passed" ? 0 : 1;
  });
}
