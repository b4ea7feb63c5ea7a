import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { InputError } from "../errors.ts";
import { type Mutant, mutateRuleFile } from "../mutation/mutate-rule-file.ts";
import { defaultFixtures, runSuite } from "../runner/run-suite.ts";
import { loadScenarios } from "../scenario/load-scenarios.ts";
import { repoRoot } from "../tools/tools.ts";

/** What happened to one mutant. */
interface MutantVerdict {
  readonly mutant: Mutant;
  readonly scenarios: readonly string[];
  /** killed: a scenario failed naming the alert; survived: every scenario still passed. */
  readonly verdict: "killed" | "survived";
  readonly evidence: string;
}

/**
 * `firedrill mutate [scenarios...] [--alert NAME]... [--jobs N] [--speed N]`: breaks each
 * documented alerting rule in turn — deletes it, or moves its threshold tenfold the way that
 * makes it fire less — and runs the scenarios that expect it to fire. Every mutant must be
 * killed by a failing expectation naming the alert; exit 1 if one survives.
 */
export async function mutateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      alert: { type: "string", multiple: true },
      jobs: { type: "string", default: "2" },
      speed: { type: "string", default: "30" },
      "report-dir": { type: "string" },
    },
  });
  const fixtures = await defaultFixtures();
  const inputs = positionals.length > 0 ? positionals : [path.join(repoRoot, "scenarios")];
  const loaded = await loadScenarios(inputs);
  const firing = (alert: string) =>
    loaded.filter((l) => l.scenario.expect.some((e) => e.kind === "fires" && e.alert === alert));
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const reportRoot = path.resolve(
    values["report-dir"] ?? path.join(repoRoot, "reports/runs", `mutate-${stamp}`),
  );
  const mutants: { file: string; mutant: Mutant }[] = [];
  for (const file of fixtures.ruleFiles) {
    for (const mutant of mutateRuleFile(await readFile(file, "utf8")))
      mutants.push({ file, mutant });
  }
  const wanted = values.alert;
  const chosen = wanted ? mutants.filter((m) => wanted.includes(m.mutant.alert)) : mutants;
  if (wanted && chosen.length === 0) {
    throw new InputError(
      `firedrill mutate: no alerting rule named ${wanted.join(", ")} in ${fixtures.ruleFiles.join(", ")}.`,
    );
  }
  const verdicts: MutantVerdict[] = [];
  for (const [index, { file, mutant }] of chosen.entries()) {
    const label = `${mutant.alert} (${mutant.change})`;
    const scenarios = firing(mutant.alert);
    process.stderr.write(
      `[${index + 1}/${chosen.length}] ${label}: ${scenarios.length} scenario(s)…\n`,
    );
    if (scenarios.length === 0) {
      verdicts.push({
        mutant,
        scenarios: [],
        verdict: "survived",
        evidence: "no scenario expects it to fire",
      });
      continue;
    }
    const dir = path.join(reportRoot, `${mutant.alert}-${mutant.kind}`);
    await mkdir(dir, { recursive: true });
    const mutated = path.join(dir, `mutated-${path.basename(path.dirname(file))}-rules.yml`);
    await writeFile(mutated, mutant.text);
    const result = await runSuite({
      inputs: [...new Set(scenarios.map((s) => s.file))],
      speed: Number(values.speed),
      jobs: Number(values.jobs),
      reportDir: dir,
      ruleFiles: fixtures.ruleFiles.map((f) => (f === file ? mutated : f)),
      alertmanagerConfig: fixtures.alertmanagerConfig,
      catalogues: fixtures.catalogues,
      reporter: {},
    });
    const failures = result.scenarios.flatMap((s) =>
      s.expectations
        .filter((e) => e.state === "failed")
        .map((e) => (e.state === "failed" ? e.message : "")),
    );
    const naming = failures.find((m) => m.includes(mutant.alert));
    verdicts.push({
      mutant,
      scenarios: scenarios.map((s) => s.scenario.name),
      verdict: naming ? "killed" : "survived",
      evidence:
        naming ??
        (failures[0] ? `failed without naming the alert: ${failures[0]}` : "every scenario passed"),
    });
    process.stderr.write(
      `    ${naming ? "killed" : "SURVIVED"}: ${verdicts.at(-1)!.evidence.slice(0, 160)}\n`,
    );
  }
  const survived = verdicts.filter((v) => v.verdict === "survived");
  process.stdout.write(
    `\n${verdicts.length - survived.length} of ${verdicts.length} mutants killed${survived.length ? `; survived: ${survived.map((v) => `${v.mutant.alert} (${v.mutant.change})`).join(", ")}` : ""}\n`,
  );
  await mkdir(reportRoot, { recursive: true });
  const summary = verdicts.map((v) => ({
    alert: v.mutant.alert,
    kind: v.mutant.kind,
    change: v.mutant.change,
    scenarios: v.scenarios,
    verdict: v.verdict,
    evidence: v.evidence,
  }));
  await writeFile(path.join(reportRoot, "mutants.json"), `${JSON.stringify(summary, null, 2)}\n`);
  process.stderr.write(`report: ${path.join(reportRoot, "mutants.json")}\n`);
  return survived.length === 0 ? 0 : 1;
}
