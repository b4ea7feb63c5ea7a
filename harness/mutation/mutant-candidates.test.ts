import path from "node:path";
import { describe, expect, it } from "vitest";
import { readAlertRules } from "../coverage/index.ts";
import { defaultFixtures } from "../runner/run-suite.ts";
import { loadScenarios } from "../scenario/load-scenarios.ts";
import { repoRoot } from "../tools/tools.ts";
import { mutantCandidates } from "./mutant-candidates.ts";
import type { MutationKind } from "./mutation-kind.ts";

let repo: Promise<(alert: string, kind: MutationKind) => string[]> | undefined;

/** The candidates of the repo's Cosmictron drills (loaded once: loading compiles them). */
function candidatesOfRepo() {
  repo ??= load();
  return repo;
}

async function load() {
  const loaded = await loadScenarios([path.join(repoRoot, "scenarios", "cosmictron")]);
  const { ruleFiles } = await defaultFixtures();
  const noise = { alert: "CosmictronNoise", system: "cosmictron", file: "noise-rules.yml" };
  const of = mutantCandidates(loaded, [...(await readAlertRules(ruleFiles)), noise]);
  return (alert: string, kind: MutationKind) =>
    of(alert, kind).map((c) => `${c.fires ? "fires" : "silent"} ${c.scenario.scenario.name}`);
}

describe("mutantCandidates", () => {
  it("tries a mutant that fires less on the drills that expect the alert, shortest first", async () => {
    const of = await candidatesOfRepo();
    expect(of("CosmictronWalFsyncLatency", "threshold-x10")).toEqual([
      "fires cosmictron-fsync-just-above-line",
      "fires cosmictron-wal-fsync-stall",
    ]);
  });

  it("tries a mutant that fires more on the silent drills, the boundary drill first", async () => {
    const of = await candidatesOfRepo();
    const silent = of("CosmictronWalFsyncLatency", "threshold-sensitive");
    expect(silent[0]).toBe("silent cosmictron-fsync-below-line-noise");
    expect(silent).toContain("silent cosmictron-baseline");
    // Then the firing drills: a rule that fires more may fire on another instance, or too early.
    expect(silent.slice(-2)).toEqual([
      "fires cosmictron-fsync-just-above-line",
      "fires cosmictron-wal-fsync-stall",
    ]);
    // An added noise rule: every drill of its system that says the others stay silent.
    expect(of("CosmictronNoise", "noise-rule-added")).toContain("silent cosmictron-baseline");
  });

  it("tries a change that can go either way on the firing drills, then the silent ones", async () => {
    const of = await candidatesOfRepo();
    const both = of("CosmictronWalFsyncLatency", "range-x3");
    expect(both.slice(0, 3)).toEqual([
      "fires cosmictron-fsync-just-above-line",
      "fires cosmictron-wal-fsync-stall",
      "silent cosmictron-fsync-below-line-noise",
    ]);
  });

  it("tries a route mutant on the drills that expect a page at its receiver", async () => {
    const of = await candidatesOfRepo();
    expect(of("pager", "receiver-swapped").length).toBeGreaterThan(0);
    expect(of("nobody", "receiver-swapped")).toEqual([]);
  });
});
