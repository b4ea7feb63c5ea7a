import { describe, expect, it } from "vitest";
import type { RunResult, ScenarioResult } from "../result/index.ts";
import { compareRuns, renderStability } from "./compare-runs.ts";

const scenario = (name: string, failedTitle?: string, wallSeconds = 50): ScenarioResult =>
  ({
    name,
    file: `${name}.scenario.ts`,
    state: failedTitle ? "failed" : "passed",
    wallSeconds,
    expectations: failedTitle
      ? [{ state: "failed", title: failedTitle, message: `${failedTitle} did not hold` }]
      : [{ state: "passed", title: "no other alert fires" }],
  }) as unknown as ScenarioResult;

const run = (scenarios: ScenarioResult[]): RunResult =>
  ({
    runId: "r",
    startedAt: "",
    wallSeconds: 600,
    versions: {},
    assumptions: [],
    scenarios,
  }) as RunResult;

describe("compareRuns", () => {
  it("calls runs with the same verdicts stable", () => {
    const s = compareRuns([
      run([scenario("a"), scenario("b", "X fires")]),
      run([scenario("a"), scenario("b", "X fires")]),
    ]);
    expect(s.stable).toBe(true);
    expect(s.allPassed).toBe(false);
  });

  it("flags a scenario that passed once and failed once, or failed differently", () => {
    const s = compareRuns([
      run([scenario("a"), scenario("b", "X fires")]),
      run([scenario("a", "Y fires"), scenario("b", "Z fires")]),
    ]);
    expect(s.stable).toBe(false);
    expect(s.scenarios.map((x) => [x.name, x.stable])).toEqual([
      ["a", false],
      ["b", false],
    ]);
    const text = renderStability(s, [run([]), run([])]);
    expect(text).toContain("← DIFFERS");
    expect(text).toContain("run 2: failed: Y fires");
    expect(text).toContain("2 scenario(s) changed verdict between runs");
  });

  it("counts a scenario missing from one run as a changed verdict", () => {
    const s = compareRuns([run([scenario("a"), scenario("b")]), run([scenario("a")])]);
    expect(s.scenarios.find((x) => x.name === "b")?.verdicts).toEqual(["passed", "missing"]);
    expect(s.stable).toBe(false);
  });
});
