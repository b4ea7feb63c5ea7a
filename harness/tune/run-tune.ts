import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { computeCoverage, readAlertRules } from "../coverage/index.ts";
import { InputError } from "../errors.ts";
import {
  candidateLabel,
  type TuneCandidate,
  type TuneDrillOutcome,
  type TuneReport,
  type TuneRow,
} from "../result/index.ts";
import { readRuleFiles } from "../rules/index.ts";
import { runPool } from "../runner/run-pool.ts";
import { runSuite } from "../runner/run-suite.ts";
import { loadScenarios } from "../scenario/load-scenarios.ts";
import { editAlertRule, readAlertRuleShape } from "./edit-alert-rule.ts";
import { tuneDrillOutcome } from "./tune-drill-outcome.ts";

/** What `firedrill tune` sweeps and against what. */
export interface RunTuneOptions {
  readonly alert: string;
  /** Threshold values to try (the rule's own when absent). */
  readonly thresholds?: readonly number[];
  /** `for` values to try (the rule's own when absent). */
  readonly forValues?: readonly string[];
  /** Scenario files or folders: the alert's fault drills and its noise drills are taken from them. */
  readonly inputs: readonly string[];
  readonly ruleFiles: readonly string[];
  readonly alertmanagerConfig: string;
  readonly catalogues: readonly string[];
  readonly time: "live" | "virtual";
  readonly speed: number;
  /** Drills run at once. */
  readonly jobs: number;
  readonly prometheusVersion?: string;
  /** tune.json, and one folder per value with its rule file and drill reports. */
  readonly reportDir: string;
  readonly signal?: AbortSignal;
  readonly log: (line: string) => void;
}

/**
 * `firedrill tune`: for each threshold × `for` value, the alert's rule is rewritten (only that
 * rule, only those fields) and every fault drill of the alert (scenarios expecting it to fire)
 * and every noise drill (scenarios that would fail if it fired) runs against it. A value is good
 * when every fault drill's expectation holds with the page inside its detection budget and no
 * noise drill gets a page of the alert. Writes tune.json into reportDir.
 */
export async function runTune(options: RunTuneOptions): Promise<TuneReport> {
  const started = Date.now();
  const { alert } = options;
  const { sources } = await readRuleFiles(options.ruleFiles);
  const source = sources.find((s) => readAlertRuleShape(s.text, alert) !== undefined);
  if (!source) {
    const names = sources.flatMap((s) =>
      s.groups.flatMap((g) => g.rules.filter((r) => r.kind === "alert").map((r) => r.name)),
    );
    throw new InputError(
      `firedrill tune: no alerting rule named ${alert} in ${options.ruleFiles.join(", ")}. The alerts there: ${names.join(", ")}.`,
    );
  }
  const asWritten = readAlertRuleShape(source.text, alert)!;
  if (options.thresholds && !asWritten.threshold) {
    editAlertRule(source.text, alert, { threshold: 0 }, source.file); // throws the clear error
  }
  const loaded = await loadScenarios(options.inputs);
  const coverage = computeCoverage(loaded, await readAlertRules(options.ruleFiles));
  const entry = coverage.alerts.find((a) => a.alert === alert);
  const byName = (names: readonly string[]) =>
    names.map((n) => loaded.find((l) => l.scenario.name === n)!).filter(Boolean);
  const faultDrills = byName(entry?.fires ?? []);
  const noiseDrills = byName(entry?.silent ?? []);
  if (faultDrills.length === 0) {
    throw new InputError(
      `firedrill tune: no scenario in ${options.inputs.join(", ")} expects ${alert} to fire, so no value can be judged. Write a drill with expectAlert("${alert}") (\`firedrill coverage\` lists what each alert has).`,
    );
  }
  const thresholds = options.thresholds ?? [asWritten.threshold?.value];
  const forValues = options.forValues ?? [asWritten.for];
  const candidates: TuneCandidate[] = thresholds.flatMap((threshold) =>
    forValues.map((forValue) => ({
      ...(threshold !== undefined ? { threshold } : {}),
      for: forValue,
      asWritten: threshold === asWritten.threshold?.value && forValue === asWritten.for,
    })),
  );
  const drills = [
    ...faultDrills.map((l) => ({ loaded: l, role: "fault" as const })),
    ...noiseDrills.map((l) => ({ loaded: l, role: "noise" as const })),
  ];
  // Virtual time runs each fleet in this process (msw patches its fetch once): one at a time.
  const jobs = options.time === "virtual" ? 1 : options.jobs;
  options.log(
    `tune ${alert}: ${candidates.length} value(s) × ${drills.length} drill(s) (${faultDrills.length} fault, ${noiseDrills.length} noise), ${options.time} time, ${jobs} at a time`,
  );
  const outcomes = candidates.map(() => new Map<string, TuneDrillOutcome>());
  let versions: Readonly<Record<string, string>> = {};
  const work = candidates.flatMap((candidate, c) =>
    drills.map((drill) => ({ candidate, c, ...drill })),
  );
  let done = 0;
  await runPool(
    work,
    jobs,
    async ({ candidate, c, loaded: drill, role }: (typeof work)[number], signal) => {
      const label = candidateLabel(candidate);
      const dir = path.join(options.reportDir, label.replace(/[^\w.-]+/g, "_"));
      await mkdir(dir, { recursive: true });
      // The original's name: Prometheus offsets a group's evaluations by its file's name, so the
      // values are evaluated on the schedule the rule as written is (plain-rule-files.ts).
      const ruleFile = path.join(dir, path.basename(source.file));
      await writeFile(
        ruleFile,
        editAlertRule(
          source.text,
          alert,
          {
            ...(candidate.threshold !== undefined && options.thresholds
              ? { threshold: candidate.threshold }
              : {}),
            ...(options.forValues ? { for: candidate.for } : {}),
          },
          source.file,
        ),
      );
      const result = await runSuite({
        inputs: [drill.file],
        only: drill.scenario.name,
        speed: options.speed,
        time: options.time,
        jobs: 1,
        reportDir: path.join(dir, drill.scenario.name),
        ruleFiles: options.ruleFiles.map((f) =>
          path.resolve(f) === path.resolve(source.file) ? ruleFile : f,
        ),
        alertmanagerConfig: options.alertmanagerConfig,
        // Each candidate is judged on its own rule's computed windows and the drill's budget:
        // a shorter `for` that fires sooner still catches the fault (its noise shows on the
        // noise drills); a longer one that misses the budget is late. (mutate, by contrast,
        // holds every mutant to the windows of the rule as written.)
        catalogues: options.catalogues,
        reporter: {},
        ...(options.prometheusVersion ? { prometheusVersion: options.prometheusVersion } : {}),
        signal,
      });
      versions = result.versions;
      const got = tuneDrillOutcome(result.scenarios[0]!, alert, role);
      outcomes[c]!.set(drill.scenario.name, got);
      done++;
      options.log(
        `[${done}/${work.length}] ${label}: ${drill.scenario.name} (${role}) ${got.state}${got.note ? `: ${got.note.split("\n")[0]}` : ""}`,
      );
    },
    options.signal,
  );
  const rows: TuneRow[] = candidates.map((candidate, c) => {
    const list = drills.map((d) => outcomes[c]!.get(d.loaded.scenario.name)!);
    const catchesEveryFault = list.every((o) => o.role !== "fault" || o.state !== "failed");
    const noise = list.filter((o) => o.role === "noise");
    const noisePages = noise.reduce((n, o) => n + o.pages, 0);
    const noiseFirings = noise.reduce((n, o) => n + o.firings, 0);
    const noisy = noise.some((o) => o.state === "failed");
    const verdict =
      !catchesEveryFault && noisy
        ? "misses, noisy"
        : !catchesEveryFault
          ? "misses"
          : noisy
            ? "noisy"
            : "good";
    return { candidate, drills: list, catchesEveryFault, noisePages, noiseFirings, verdict };
  });
  const report: TuneReport = {
    alert,
    ruleFile: source.file,
    asWritten,
    faultDrills: faultDrills.map((l) => l.scenario.name),
    noiseDrills: noiseDrills.map((l) => l.scenario.name),
    time: options.time,
    versions,
    wallSeconds: (Date.now() - started) / 1000,
    rows,
  };
  await mkdir(options.reportDir, { recursive: true });
  await writeFile(
    path.join(options.reportDir, "tune.json"),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  return report;
}
