import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readAlertRules } from "../../harness/coverage/index.ts";
import { mutateRuleFile } from "../../harness/mutation/mutate-rule-file.ts";
import type { MutationReport } from "../../harness/mutation/run-mutants.ts";
import { defaultFixtures } from "../../harness/runner/run-suite.ts";
import { firedrillContainers, firedrillProcesses, firedrillRun, tempReportDir } from "./support.ts";

// Issue 4's "done when": break every documented rule — delete it, or move each of its thresholds
// tenfold the way that fires less — and some scenario must fail with a message naming the alert.
// The whole mutation set in virtual time (Prometheus' and Alertmanager's own packages on a fake
// clock, one mutant at a time; the parity test in scenarios.test.ts holds it to the live
// verdicts): about 50 mutants. Through the real stack (--time live) the same set takes ~13 min at --jobs 2.
describe("firedrill mutate", () => {
  it("kills every mutant of every alerting rule with a failure naming the alert", async () => {
    const { ruleFiles } = await defaultFixtures();
    const expected: string[] = [];
    for (const file of ruleFiles)
      for (const m of mutateRuleFile(await readFile(file, "utf8"))) expected.push(m.id);
    const alerts = (await readAlertRules(ruleFiles)).map((r) => r.alert);

    const dir = tempReportDir("mutate");
    const result = await firedrillRun(["mutate", "--time", "virtual", "--report-dir", dir]);
    const report = JSON.parse(
      readFileSync(path.join(dir, "mutants.json"), "utf8"),
    ) as MutationReport;

    const notKilled = report.verdicts
      .filter((v) => v.verdict !== "killed")
      .map((v) => `${v.id} (${v.change}): ${v.verdict}: ${v.evidence}`);
    expect(notKilled).toEqual([]);
    expect(report.verdicts.map((v) => v.id).sort()).toEqual([...expected].sort());
    // Every alert was deleted once, and each kill names the alert that was broken.
    expect(alerts.filter((a) => !report.verdicts.some((v) => v.id === `${a}/deleted`))).toEqual([]);
    for (const v of report.verdicts) expect(v.evidence, v.id).toContain(v.alert);
    expect(result.stdout).toContain(`${expected.length} of ${expected.length} mutants killed`);
    expect(result.exitCode).toBe(0);
    expect(firedrillProcesses(result.pid)).toEqual([]);
    expect(firedrillContainers(result.pid)).toEqual([]);
  }, 3_600_000);
});
