import { describe, expect, it } from "vitest";
import type { RunResult, ScenarioResult } from "../result/index.ts";
import { mergeRuns } from "./merge-runs.ts";

const scenario = (name: string, state: ScenarioResult["state"] = "passed"): ScenarioResult => ({
  name,
  file: `/p/drills/${name}.scenario.ts`,
  state,
  driver: "processes",
  speed: 30,
  startedAt: "2026-12-01T10:00:00.000Z",
  wallSeconds: 10,
  durationFleetSeconds: 300,
  faults: [],
  alerts: [],
  deliveries: [],
  expectations: [],
});
const run = (
  runId: string,
  startedAt: string,
  names: string[],
  versions = { prometheus: "2.42.0" },
) =>
  ({
    runId,
    startedAt,
    wallSeconds: 60,
    versions,
    assumptions: [{ metric: "m", system: "s", reason: "r" }],
    scenarios: names.map((n) => scenario(n)),
  }) satisfies RunResult;

describe("mergeRuns", () => {
  it("joins the shards in the suite's order over their whole span", () => {
    const merged = mergeRuns([
      { source: "shard-2", result: run("b", "2026-12-01T10:00:30.000Z", ["c", "d"]) },
      { source: "shard-1", result: run("a", "2026-12-01T10:00:00.000Z", ["b", "a"]) },
    ]);
    expect({ ...merged, scenarios: merged.scenarios.map((s) => s.name) }).toEqual({
      runId: "b+a",
      startedAt: "2026-12-01T10:00:00.000Z",
      wallSeconds: 90,
      versions: { prometheus: "2.42.0" },
      assumptions: [{ metric: "m", system: "s", reason: "r" }],
      scenarios: ["a", "b", "c", "d"],
    });
  });

  it("refuses a scenario that two reports both ran", () => {
    expect(() =>
      mergeRuns([
        { source: "shard-1", result: run("a", "2026-12-01T10:00:00.000Z", ["a"]) },
        { source: "shard-1-again", result: run("b", "2026-12-01T10:00:00.000Z", ["a"]) },
      ]),
    ).toThrow(
      'Failed to merge reports: scenario "a" is in both shard-1 and shard-1-again. Merge the reports of one run\'s shards, each once.',
    );
  });

  it("refuses shards run against different versions of the stack", () => {
    expect(() =>
      mergeRuns([
        { source: "x", result: run("a", "2026-12-01T10:00:00.000Z", ["a"]) },
        {
          source: "y",
          result: run("b", "2026-12-01T10:00:00.000Z", ["b"], { prometheus: "3.16.0" }),
        },
      ]),
    ).toThrow(
      "Failed to merge reports: x and y ran different versions (prometheus 2.42.0 vs prometheus 3.16.0). Run every shard with the same firedrill and stack.",
    );
  });
});
