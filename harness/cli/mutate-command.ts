import path from "node:path";
import { parseArgs } from "node:util";
import { InputError } from "../errors.ts";
import { MUTATION_KIND_NAMES, type MutationKind } from "../mutation/mutation-kind.ts";
import { type MutantVerdict, runMutants } from "../mutation/run-mutants.ts";
import { withConfigArgs } from "../project/config-args.ts";
import { defaultReportDir } from "./default-report-dir.ts";
import { defaultScenarioInputs } from "./default-scenario-inputs.ts";
import { parseJobs, parsePrometheusVersion, parseSpeed } from "./flags.ts";
import { withInterrupts } from "./interrupts.ts";

const formatMinutes = (seconds: number) =>
  `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, "0")}s`;

/** The closing table: one row per mutant. */
export function renderMutants(verdicts: readonly MutantVerdict[]): string {
  const rows = verdicts.map((v) => [
    v.verdict === "killed" ? "killed" : v.verdict.toUpperCase(),
    v.id,
    v.change,
    v.verdict === "killed" ? v.scenarios.at(-1)! : v.evidence,
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join("  "))
    .join("\n");
}

/**
 * `firedrill mutate [scenarios...] [--alert NAME]... [--mutant ID]... [--kind K[,K]]... [--jobs N] [--speed N] [--time live|virtual] [--report-dir DIR]`:
 * breaks each documented alerting rule and route in turn, one edit of each kind in
 * MUTATION_KINDS (mutation-kind.ts), and runs the scenarios that can kill it, in virtual time
 * unless `--time live`.
 * Every mutant must be killed by a failing expectation naming the alert: exit 1 if one survives
 * or no scenario exercises it, 130 on Ctrl-C.
 */
export async function mutateCommand(args: string[]): Promise<number> {
  const options = {
    alert: { type: "string", multiple: true },
    mutant: { type: "string", multiple: true },
    kind: { type: "string", multiple: true },
    jobs: { type: "string", default: "2" },
    speed: { type: "string", default: "30" },
    "report-dir": { type: "string" },
    "prometheus-version": { type: "string" },
    time: { type: "string", default: "virtual" },
  } as const;
  // The config's reportDir is run's; mutate's report keeps its own folder.
  const fields = ["scenarios", "speed", "jobs", "time"] as const;
  const { values, positionals } = parseArgs({
    args: await withConfigArgs("firedrill mutate", args, options, fields),
    allowPositionals: true,
    options,
  });
  const time = values.time;
  if (time !== "live" && time !== "virtual") {
    throw new InputError(`firedrill mutate: --time must be live or virtual (got "${time}").`);
  }
  const kinds = (values.kind ?? []).flatMap((k) => k.split(","));
  const unknownKind = kinds.find((k) => !(MUTATION_KIND_NAMES as readonly string[]).includes(k));
  if (unknownKind !== undefined) {
    throw new InputError(
      `firedrill mutate: --kind ${unknownKind} is not a mutant kind. Kinds: ${MUTATION_KIND_NAMES.join(", ")}.`,
    );
  }
  const jobs = parseJobs("firedrill mutate", values.jobs);
  const speed = parseSpeed("firedrill mutate", values.speed);
  const prometheusVersion = parsePrometheusVersion(
    "firedrill mutate",
    values["prometheus-version"],
  );
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const reportDir = path.resolve(values["report-dir"] ?? defaultReportDir(`mutate-${stamp}`));
  return withInterrupts(async (signal) => {
    const report = await runMutants({
      inputs: positionals.length > 0 ? positionals : defaultScenarioInputs("firedrill mutate"),
      ...(values.alert ? { alerts: values.alert } : {}),
      ...(values.mutant ? { ids: values.mutant } : {}),
      ...(kinds.length > 0 ? { kinds: kinds as MutationKind[] } : {}),
      jobs,
      speed,
      time,
      prometheusVersion,
      reportDir,
      signal: signal,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    const { verdicts } = report;
    const bad = verdicts.filter((v) => v.verdict !== "killed");
    process.stdout.write(
      `\n${renderMutants(verdicts)}\n\n${verdicts.length - bad.length} of ${verdicts.length} mutants killed in ${formatMinutes(report.wallSeconds)}${bad.length ? `; not killed: ${bad.map((v) => v.id).join(", ")}` : ""}\n`,
    );
    const v = report.versions;
    if (v.prometheus) {
      process.stdout.write(
        `versions: prometheus ${v.prometheus}, alertmanager ${v.alertmanager}, collector ${v.collector}\n`,
      );
    }
    process.stderr.write(`report: ${path.join(reportDir, "mutants.json")}\n`);
    return bad.length === 0 ? 0 : 1;
  });
}
