import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { type AlertRule, readAlertRules } from "../coverage/index.ts";
import { InputError } from "../errors.ts";
import type { RunProvenance } from "../result/index.ts";
import { readRuleFiles } from "../rules/index.ts";
import { runPool } from "../runner/run-pool.ts";
import { defaultFixtures, runSuite } from "../runner/run-suite.ts";
import { loadScenarios } from "../scenario/load-scenarios.ts";
import { mutantCandidates } from "./mutant-candidates.ts";
import { mutateAlertmanagerConfig } from "./mutate-alertmanager-config.ts";
import { type Mutant, mutateRuleFile } from "./mutate-rule-file.ts";
import { MUTATION_KIND_NAMES, type MutationKind } from "./mutation-kind.ts";
import { noiseRulesBeside } from "./noise-rules-beside.ts";

/** What happened to one mutant. */
export interface MutantVerdict {
  readonly id: string;
  readonly alert: string;
  readonly kind: Mutant["kind"];
  readonly change: string;
  readonly ruleFile: string;
  /** The scenarios that ran against the mutant, in order, until one killed it. */
  readonly scenarios: readonly string[];
  /**
   * killed: a scenario failed with a message naming the alert; survived: every scenario that
   * expects the alert still passed (or failed without naming it); unexercised: no scenario
   * expects the alert to fire.
   */
  readonly verdict: "killed" | "survived" | "unexercised";
  readonly evidence: string;
  readonly wallSeconds: number;
}

export interface RunMutantsOptions {
  /** Scenario files or folders. */
  readonly inputs: readonly string[];
  /** Only the mutants of these alerts (all alerts when absent). */
  readonly alerts?: readonly string[];
  /** Only these mutants, by id (`Alert/threshold-x10`). */
  readonly ids?: readonly string[];
  /** Only mutants of these kinds (every kind when absent). */
  readonly kinds?: readonly MutationKind[];
  /** Mutants tried at once, each on its own stack. */
  readonly jobs: number;
  readonly speed: number;
  /** live (default): each scenario on the real stack; virtual: the evaluator on a fake clock. */
  readonly time?: "live" | "virtual";
  /** A pinned Prometheus version or line; the default line when absent. */
  readonly prometheusVersion?: string;
  /** mutants.json and one folder per mutant (its rule file and the scenario reports). */
  readonly reportDir: string;
  readonly signal?: AbortSignal;
  /** Progress lines (the terminal). */
  readonly log: (line: string) => void;
}

/** mutants.json: the stack the mutants ran against, and each mutant's verdict. */
export interface MutationReport extends RunProvenance {
  readonly verdicts: readonly MutantVerdict[];
}

/**
 * Breaks each alerting rule of the default fixtures in turn (every mutant of mutateRuleFile) and
 * runs, shortest first, the scenarios that expect that alert to fire until one fails with a
 * message naming it. Mutants run `jobs` at a time; each scenario runs on its own stack with
 * only that one rule file changed, and ends as soon as the alert has missed its firing window.
 * Writes mutants.json into reportDir.
 */
export async function runMutants(options: RunMutantsOptions): Promise<MutationReport> {
  const started = Date.now();
  const fixtures = await defaultFixtures();
  const loaded = await loadScenarios(options.inputs);
  // ruleFile: the file the mutant replaces, a rule file or (route: true) the Alertmanager config.
  const mutants: { ruleFile: string; route: boolean; mutant: Mutant }[] = [];
  // Each document's groups as a plain rule file (the reader's text): a mutant replaces its file.
  // The alerts each system's document calls noise (fixtures/<system>/noise-rules.yml).
  const noiseRules: AlertRule[] = [];
  for (const source of (await readRuleFiles(fixtures.ruleFiles)).sources) {
    for (const mutant of mutateRuleFile(source.text))
      mutants.push({ ruleFile: source.file, route: false, mutant });
    for (const { mutant, rule } of await noiseRulesBeside(source.file, source.text)) {
      mutants.push({ ruleFile: source.file, route: false, mutant });
      noiseRules.push(rule);
    }
  }
  const routing = await readFile(fixtures.alertmanagerConfig, "utf8");
  for (const mutant of mutateAlertmanagerConfig(routing))
    mutants.push({ ruleFile: fixtures.alertmanagerConfig, route: true, mutant });
  const { alerts, ids, kinds } = options;
  const chosen = mutants.filter(
    ({ mutant }) =>
      (!alerts || alerts.includes(mutant.alert)) &&
      (!ids || ids.includes(mutant.id)) &&
      (!kinds || kinds.includes(mutant.kind)),
  );
  const unknownAlerts = alerts?.filter((a) => !mutants.some((m) => m.mutant.alert === a)) ?? [];
  if (unknownAlerts.length > 0) {
    throw new InputError(
      `firedrill mutate: no alerting rule named ${unknownAlerts.join(", ")} in ${fixtures.ruleFiles.join(", ")}. \`firedrill coverage\` lists the alerts.`,
    );
  }
  const unknownIds = ids?.filter((id) => !mutants.some((m) => m.mutant.id === id)) ?? [];
  if (unknownIds.length > 0) {
    throw new InputError(
      `firedrill mutate: no mutant ${unknownIds.join(", ")}. Ids are Alert/<kind> (and #2, #3… where a rule has more than one of a kind) for the kinds ${MUTATION_KIND_NAMES.join(", ")}, and route:<receiver>/<kind> for the routes; mutants.json of a run lists them all.`,
    );
  }
  const candidatesOf = mutantCandidates(loaded, [
    ...(await readAlertRules(fixtures.ruleFiles)),
    ...noiseRules,
  ]);

  const verdicts: (MutantVerdict | undefined)[] = chosen.map(() => undefined);
  let versions: Readonly<Record<string, string>> = {};
  const queue = chosen.map((entry, index) => ({ ...entry, index }));
  const tryOne = async (
    { ruleFile, route, mutant, index }: (typeof queue)[number],
    signal: AbortSignal,
  ) => {
    const mutantStarted = Date.now();
    const tag = `[${index + 1}/${chosen.length}] ${mutant.id} (${mutant.change})`;
    const base = { id: mutant.id, alert: mutant.alert, kind: mutant.kind, change: mutant.change };
    const candidates = candidatesOf(mutant.alert, mutant.kind);
    if (candidates.length === 0) {
      const none = "no scenario can kill it (none expects it to fire, or to stay silent)";
      options.log(`${tag}: UNEXERCISED, ${none}`);
      return {
        ...base,
        ruleFile,
        scenarios: [],
        verdict: "unexercised" as const,
        evidence: none,
        wallSeconds: 0,
      };
    }
    const dir = path.join(options.reportDir, mutant.id.replace(/[/#]/g, "-"));
    await mkdir(dir, { recursive: true });
    const mutatedFile = path.join(
      dir,
      route ? "alertmanager.yml" : `${path.basename(path.dirname(ruleFile))}-rules.yml`,
    );
    await writeFile(mutatedFile, mutant.text);
    const ran: string[] = [];
    let evidence = "every scenario that could kill it still passed";
    for (const { scenario: candidate, fires } of candidates) {
      options.log(`${tag}: running ${candidate.scenario.name}…`);
      ran.push(candidate.scenario.name);
      const result = await runSuite({
        inputs: [candidate.file],
        only: candidate.scenario.name,
        speed: options.speed,
        ...(options.prometheusVersion ? { prometheusVersion: options.prometheusVersion } : {}),
        jobs: 1,
        reportDir: path.join(dir, candidate.scenario.name),
        ruleFiles: fixtures.ruleFiles.map((f) => (!route && f === ruleFile ? mutatedFile : f)),
        alertmanagerConfig: route ? mutatedFile : fixtures.alertmanagerConfig,
        // Windows come from the unedited rules: a `for` moved shorter or longer fails them.
        windowsFrom: fixtures,
        catalogues: fixtures.catalogues,
        reporter: {},
        ...(fires && !route ? { stopOnceMissed: mutant.alert } : {}),
        ...(options.time ? { time: options.time } : {}),
        signal,
      });
      versions = result.versions;
      const failures = result.scenarios.flatMap((s) =>
        s.expectations.flatMap((e) => (e.state === "failed" ? [e.message] : [])),
      );
      const naming = failures.find((message) => message.includes(mutant.alert));
      if (naming) {
        const seconds = (Date.now() - mutantStarted) / 1000;
        options.log(`${tag}: killed by ${candidate.scenario.name} in ${seconds.toFixed(0)}s`);
        return {
          ...base,
          ruleFile,
          scenarios: ran,
          verdict: "killed" as const,
          evidence: `${candidate.scenario.name}: ${naming}`,
          wallSeconds: seconds,
        };
      }
      if (failures[0])
        evidence = `${candidate.scenario.name} failed without naming the alert: ${failures[0]}`;
    }
    options.log(`${tag}: SURVIVED ${ran.join(", ")}: ${evidence}`);
    return {
      ...base,
      ruleFile,
      scenarios: ran,
      verdict: "survived" as const,
      evidence,
      wallSeconds: (Date.now() - mutantStarted) / 1000,
    };
  };

  // A stack that will not start, or Ctrl-C, stops the other mutants too. Virtual time runs each
  // fleet in this process, whose fetch msw patches once: one mutant at a time.
  await runPool(
    queue,
    options.time === "virtual" ? 1 : options.jobs,
    async (next, signal) => {
      verdicts[next.index] = await tryOne(next, signal);
    },
    options.signal,
  );
  const report: MutationReport = {
    versions,
    wallSeconds: (Date.now() - started) / 1000,
    verdicts: verdicts.filter((v): v is MutantVerdict => v !== undefined),
  };
  await mkdir(options.reportDir, { recursive: true });
  await writeFile(
    path.join(options.reportDir, "mutants.json"),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  return report;
}
