import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../harness/tools/tools.ts";
import { firedrillRun, readResults, tempReportDir } from "./support.ts";

// A drill is only worth something if it fails when the rule is wrong: raise the fsync
// threshold from 0.5 s to 5 s and the fsync scenario must fail, naming the alert.
describe("a broken threshold", () => {
  it("makes the WAL fsync scenario fail with the alert, the window and what was seen", async () => {
    mkdirSync(path.join(repoRoot, ".firedrill"), { recursive: true });
    const dir = mkdtempSync(path.join(repoRoot, ".firedrill", "threshold-"));
    const original = readFileSync(path.join(repoRoot, "fixtures/cosmictron/rules.yml"), "utf8");
    const raised = original.replace(
      /(rate\(cosmictron_wal_fsync_duration_seconds_bucket\[5m\]\)\s*\)\s*\)\s*>\s*)0\.5/,
      "$15",
    );
    expect(raised).not.toBe(original);
    const rules = path.join(dir, "rules.yml");
    writeFileSync(rules, raised);

    const report = tempReportDir("threshold");
    const result = await firedrillRun([
      "run",
      "scenarios/cosmictron/wal-fsync-stall.scenario.ts",
      "--rules",
      rules,
      "--report-dir",
      report,
    ]);
    expect(result.exitCode).toBe(1);
    const [expectation] = readResults(report).scenarios[0]!.expectations;
    expect(expectation?.state).toBe("failed");
    expect(expectation?.message).toMatch(
      /^CosmictronWalFsyncLatency\{node="cosmictron-1",severity="warning"\} did not fire: expected firing by t=10m\d*s? \(within 8m of the fault at t=2m\d*s?\); observed: it never went pending or firing \(observed until t=26m\d*s?\)\.$/,
    );
    expect(result.stderr).toContain(expectation!.message!);
  });
});
