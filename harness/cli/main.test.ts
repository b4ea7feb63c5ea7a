import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { computeCoverage, readAlertRules } from "../coverage/index.ts";
import { defaultFixtures } from "../runner/run-suite.ts";
import { loadScenarios } from "../scenario/load-scenarios.ts";
import { repoRoot } from "../tools/tools.ts";

/** Runs bin/firedrill.js from the repository root, as a user would. */
function firedrill(...args: string[]) {
  return execa("node", [path.join(repoRoot, "bin/firedrill.js"), ...args], {
    cwd: repoRoot,
    reject: false,
  });
}

describe("the firedrill command line", () => {
  it("coverage scenarios/ exits 0 exactly when the suite covers every alert", async () => {
    const coverage = computeCoverage(
      await loadScenarios([path.join(repoRoot, "scenarios")]),
      await readAlertRules((await defaultFixtures()).ruleFiles),
    );
    const result = await firedrill("coverage", "scenarios/");
    expect(
      result.exitCode,
      `firedrill coverage scenarios/ printed:\n${result.stdout}\n${result.stderr}`,
    ).toBe(coverage.complete ? 0 : 1);
    expect(result.stdout).toMatch(
      /\n(All alerts \(\d+\) are made to fire|\d+ alerts: \d+ fire in a scenario)[^\n]*$/,
    );
  }, 120_000);

  it("faults refuses an unknown system with exit code 2", async () => {
    const result = await firedrill("faults", "--system", "nope");
    expect([result.exitCode, result.stdout, result.stderr]).toEqual([
      2,
      "",
      '\nfiredrill: Failed to list faults: there is no system "nope". Pass --system with one of cognitora, cosmictron, dsfb, lattice, reactor, harness, or omit it for all.',
    ]);
  }, 60_000);

  it("shows the usage for `<command> --help`, exit 0, and starts nothing", async () => {
    for (const args of [["run", "--help"], ["mutate", "scenarios/", "-h"], ["--help"]]) {
      const result = await firedrill(...args);
      expect([result.exitCode, result.stderr], args.join(" ")).toEqual([0, ""]);
      expect(result.stdout).toContain("firedrill run <files or folders...>");
    }
  }, 60_000);
});
