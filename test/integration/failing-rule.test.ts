import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../harness/tools/tools.ts";
import { firedrillRun, readResults, tempReportDir } from "./support.ts";

/** What the fsync scenario must say when the threshold is raised, in either time mode. */
const MISSED =
  /^CosmictronWalFsyncLatency\{node="cosmictron-1",severity="warning"\} did not fire: expected firing by t=10m\d*s? \(within 8m of the fault at t=2m\d*s?\); observed: it never went pending or firing \(observed until t=26m\d*s?\)\.$/;

/** Cosmictron's rules with the fsync p99 threshold raised from 0.5 s to 5 s, in a temp file. */
function raisedRules(): string {
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
  return rules;
}

/** Runs the fsync scenario against the raised rule; returns its first expectation's message. */
async function missedMessage(time: "live" | "virtual"): Promise<string> {
  const report = tempReportDir(`threshold-${time}`);
  const result = await firedrillRun([
    "run",
    "scenarios/cosmictron/wal-fsync-stall.scenario.ts",
    "--rules",
    raisedRules(),
    "--time",
    time,
    "--report-dir",
    report,
  ]);
  expect(result.exitCode).toBe(1);
  const [expectation] = readResults(report).scenarios[0]!.expectations;
  expect(expectation?.state).toBe("failed");
  if (expectation?.state !== "failed") return ""; // narrows the type; the line above has failed
  expect(expectation.message).toMatch(MISSED);
  expect(result.stderr).toContain(expectation.message);
  return expectation.message;
}

// A drill is only worth something if it fails when the rule is wrong: raise the fsync
// threshold from 0.5 s to 5 s and the fsync scenario must fail, naming the alert.
describe("a broken threshold", () => {
  let live: string | undefined;

  it("makes the WAL fsync scenario fail with the alert, the window and what was seen", async () => {
    live = await missedMessage("live");
  });

  it("fails the same way in virtual time, with the live run's message", async () => {
    const virtual = await missedMessage("virtual");
    expect(virtual).toBe(
      'CosmictronWalFsyncLatency{node="cosmictron-1",severity="warning"} did not fire: expected firing by t=10m (within 8m of the fault at t=2m); observed: it never went pending or firing (observed until t=26m).',
    );
    // The live run's times are whole seconds off at most (a fault lands a poll late).
    const coarse = (m: string) => m.replace(/t=(\d+)m\d*s?/g, "t=$1m");
    if (live === undefined) throw new Error("the live test above did not leave its message");
    expect(coarse(virtual)).toBe(coarse(live));
  });
});
