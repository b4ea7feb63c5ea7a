import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";
import { InputError } from "../errors.ts";
import { drillWallSpan } from "../observe/drill-wall-span.ts";
import { PrometheusClient } from "../observe/prometheus-client.ts";
import type { RunResult } from "../result/index.ts";
import { readRuleFiles } from "../rules/index.ts";
import { EVALUATION_INTERVAL, SCRAPE_INTERVAL } from "../runner/run-scenario.ts";
import { type RunSuiteOptions, runSuite } from "../runner/run-suite.ts";
import { loadScenarios } from "../scenario/load-scenarios.ts";
import { ensureTools } from "../setup/index.ts";
import { formatDuration, parseDuration } from "../time/index.ts";
import { type AlertCheck, chooseAlertChecks } from "./choose-alert-checks.ts";
import { describeKey, labelKey } from "./label-key.ts";
import { parsePromtoolFailures } from "./parse-promtool-failures.ts";
import { type InputSeries, recordInputSeries } from "./record-input-series.ts";
import { renderPromtoolTest } from "./render-promtool-test.ts";
import { ruleInputSelectors } from "./rule-input-selectors.ts";

/**
 * What `firedrill export promtool` runs and where it writes; the drill takes the runSuite options
 * it names.
 */
export interface ExportPromtoolOptions
  extends Pick<
    RunSuiteOptions,
    | "only"
    | "ruleFiles"
    | "alertmanagerConfig"
    | "catalogues"
    | "speed"
    | "prometheusVersion"
    | "reportDir"
    | "reporter"
    | "signal"
  > {
  /** The scenario file (or folder); `only` names the scenario when it holds several. */
  readonly input: string;
  /** The test file to write; default: `<scenario name>.promtool.yml` beside the scenario file. */
  readonly out?: string;
  /** Overwrite `out` (and its extracted rule files) if they exist. */
  readonly force?: boolean;
  /** Check at these fleet times instead of the chosen ones. */
  readonly atSeconds?: readonly number[];
  readonly log: (line: string) => void;
}

/** What the export wrote and whether promtool agrees with the drill. */
export interface ExportPromtoolResult {
  readonly file: string;
  /** Plain rule files written beside it (PrometheusRule objects extracted for promtool). */
  readonly extracted: readonly string[];
  readonly checks: readonly AlertCheck[];
  readonly series: number;
  readonly run: RunResult;
  /** Where promtool's 1x evaluation of the recorded samples saw other alerts than the drill. */
  readonly disagreements: readonly string[];
  /** `promtool test rules` on the written file: passed, or its output. */
  readonly promtool: { readonly passed: boolean; readonly output: string };
}

/**
 * Runs one drill live and writes a promtool unit test that replays it in milliseconds: the raw
 * samples Prometheus scraped for every series the rules read (input_series, on the 15 s grid
 * from t=0), and the alerts the drill saw firing at chosen times (alert_rule_test). Labels come
 * from the drill; annotations, which depend on the exact samples and evaluation times, are
 * rendered by promtool itself from the recorded samples. The file is then checked with
 * `promtool test rules`; where promtool sees other alerts than the drill did, the result says
 * so (the sped-up drill and the 1x evaluation disagree: worth a look before trusting either).
 */
export async function exportPromtool(
  options: ExportPromtoolOptions,
): Promise<ExportPromtoolResult> {
  const loaded = await loadScenarios([options.input], options.only ? { only: options.only } : {});
  if (loaded.length !== 1) {
    throw new InputError(
      `firedrill export promtool: ${options.input} holds ${loaded.length} scenarios (${loaded.map((l) => l.scenario.name).join(", ")}); name one with --scenario <name>.`,
    );
  }
  const { file: scenarioFile, scenario } = loaded[0]!;
  const out = path.resolve(
    options.out ?? path.join(path.dirname(scenarioFile), `${scenario.name}.promtool.yml`),
  );
  const { sources } = await readRuleFiles(options.ruleFiles);
  // promtool reads plain rule files only: a PrometheusRule's groups go to a file beside the test.
  const base = out.replace(/\.ya?ml$/, "");
  const extracted = sources
    .filter((s) => !s.verbatim)
    .map((source, i) => ({ source, path: `${base}.rules-${i + 1}.yml` }));
  const taken = [out, ...extracted.map((e) => e.path)].filter((f) => existsSync(f));
  if (taken.length > 0 && !options.force) {
    throw new InputError(
      `firedrill export promtool: ${taken.join(", ")} already exist${taken.length === 1 ? "s" : ""}. firedrill never overwrites a file unasked: name another with --out, or pass --force to replace it.`,
    );
  }
  const intervalSeconds = parseDuration(SCRAPE_INTERVAL) / 1000;
  const evaluationSeconds = parseDuration(EVALUATION_INTERVAL) / 1000;
  const selectors = ruleInputSelectors(sources);
  let series: InputSeries[] = [];
  let recordedEnd = parseDuration(scenario.duration) / 1000;
  const run = await runSuite({
    inputs: [scenarioFile],
    only: scenario.name,
    speed: options.speed,
    reportDir: options.reportDir,
    ruleFiles: options.ruleFiles,
    alertmanagerConfig: options.alertmanagerConfig,
    catalogues: options.catalogues,
    reporter: options.reporter,
    log: options.log,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.prometheusVersion ? { prometheusVersion: options.prometheusVersion } : {}),
    onTimelineEnd: async (stack, _fleets, timeline) => {
      options.log(`recording the samples of ${selectors.length} metrics for promtool`);
      series = await recordInputSeries({
        prometheus: new PrometheusClient(stack.prometheusUrl, { timeoutMs: 30_000 }),
        selectors,
        ...drillWallSpan(timeline),
        intervalSeconds,
        endFleetSeconds: timeline.end,
      });
      recordedEnd = timeline.end;
    },
  });
  const result = run.scenarios[0]!;
  const checks = chooseAlertChecks({
    alerts: result.alerts,
    named: scenario.expect.flatMap((e) => ("alert" in e ? [e.alert] : [])),
    end: recordedEnd,
    intervalSeconds: evaluationSeconds,
    ...(options.atSeconds ? { at: options.atSeconds } : {}),
  });
  const { promtool } = await ensureTools(
    options.prometheusVersion ? { prometheusVersion: options.prometheusVersion } : {},
  );
  const testFile = {
    header: [
      `Recorded by firedrill export promtool from the drill ${scenario.name}`,
      `(${path.relative(path.dirname(out), scenarioFile)}), Prometheus ${run.versions.prometheus}, ${run.startedAt}.`,
      "The input is what Prometheus scraped during the drill, on the fleet's 15 s grid from t=0;",
      "the checks are what the drill saw firing. Run: promtool test rules <this file>.",
    ],
    evaluationIntervalSeconds: evaluationSeconds,
    name: scenario.name,
    intervalSeconds,
    series,
    checks,
  };

  // First pass, in a scratch folder: promtool renders the annotations of what it sees firing.
  const scratch = await mkdtemp(path.join(os.tmpdir(), "firedrill-export-"));
  let annotations: Readonly<Record<string, string>>[][];
  const disagreements: string[] = [];
  try {
    const draft = path.join(scratch, "draft.yml");
    const draftRules = await Promise.all(
      sources.map(async (source, i) => {
        if (source.verbatim) return path.resolve(source.file);
        const copy = path.join(scratch, `rules-${i}.yml`);
        await writeFile(copy, source.text);
        return copy;
      }),
    );
    await writeFile(
      draft,
      renderPromtoolTest({ ...testFile, ruleFiles: [...new Set(draftRules)] }),
    );
    const first = await execa(promtool.path, ["test", "rules", draft], {
      reject: false,
      all: true,
    });
    const failures = parsePromtoolFailures(first.all ?? "");
    annotations = checks.map((check) => {
      const failure = failures.find(
        (f) => f.alertname === check.alertname && f.evalMs === check.evalSeconds * 1000,
      );
      // No failure: promtool saw exactly these instances, none with annotations.
      if (!failure) return check.firing.map(() => ({}));
      const expected = check.firing.map(labelKey).sort();
      const got = failure.got.map((g) => labelKey(g.labels)).sort();
      if (JSON.stringify(expected) !== JSON.stringify(got)) {
        const list = (keys: string[]) =>
          keys.length === 0 ? "none" : keys.map((k) => describeKey(k)).join("; ");
        disagreements.push(
          `${check.alertname} at ${formatDuration(check.evalSeconds * 1000)}: the drill saw ${list(expected)} firing, promtool on the recorded samples sees ${list(got)}`,
        );
      }
      return check.firing.map(
        (labels) =>
          failure.got.find((g) => labelKey(g.labels) === labelKey(labels))?.annotations ?? {},
      );
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  for (const { source, path: copy } of extracted) {
    await writeFile(
      copy,
      `# The rule groups of ${source.kind} ${source.object ?? ""} in ${path.relative(path.dirname(copy), source.file)} (document ${source.document + 1}), for promtool, which reads plain rule files only.\n${source.text}`,
    );
  }
  const ruleFiles = sources.map((source) => {
    const copy = extracted.find((e) => e.source === source)?.path ?? path.resolve(source.file);
    return path.relative(path.dirname(out), copy);
  });
  await writeFile(
    out,
    renderPromtoolTest({ ...testFile, ruleFiles: [...new Set(ruleFiles)], annotations }),
  );
  const check = await execa(promtool.path, ["test", "rules", path.basename(out)], {
    cwd: path.dirname(out),
    reject: false,
    all: true,
  });
  return {
    file: out,
    extracted: extracted.map((e) => e.path),
    checks,
    series: series.length,
    run,
    disagreements,
    promtool: { passed: check.exitCode === 0, output: (check.all ?? "").trim() },
  };
}
