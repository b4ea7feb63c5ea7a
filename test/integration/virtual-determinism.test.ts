import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../harness/tools/tools.ts";
import { firedrillRun, readResults, tempReportDir } from "./support.ts";

// Virtual time's promise: the same drill, seed and rules give the same times wherever the
// checkout and the report live. Prometheus offsets each group's evaluations by a hash of its
// file's name, so this fails if the evaluator is handed the rule file's path.
async function observedWith(rulesAt: string) {
  const dir = path.join(tempReportDir("determinism"), rulesAt, "lattice");
  mkdirSync(dir, { recursive: true });
  const rules = path.join(dir, "rules.yml");
  copyFileSync(path.join(repoRoot, "fixtures/lattice/rules.yml"), rules);
  const report = tempReportDir("determinism-report");
  const result = await firedrillRun([
    "run",
    "scenarios/lattice/tally-no-leader-just-over-for.scenario.ts",
    "--time",
    "virtual",
    "--rules",
    rules,
    "--reporter",
    "json",
    "--report-dir",
    report,
  ]);
  expect(result.exitCode, result.all).toBe(0);
  const [scenario] = readResults(report).scenarios;
  return { alerts: scenario!.alerts, deliveries: scenario!.deliveries };
}

describe("virtual time", () => {
  it("gives a drill the same alert and notification times wherever its rule file lies", async () => {
    const near = await observedWith("a");
    const far = await observedWith("some/much/deeper/folder");
    expect(near.alerts.length).toBeGreaterThan(0);
    expect(far).toEqual(near);
  }, 120_000);
});
