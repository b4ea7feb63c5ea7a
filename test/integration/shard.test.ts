import os from "node:os";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../harness/tools/tools.ts";
import { firedrillRun } from "./support.ts";

// CI splits the suite across jobs with --shard K/N: together the shards must run every scenario
// of the suite exactly once. `run --list` prints what a run would run, and starts nothing.
describe("firedrill run --shard K/N", () => {
  it("splits scenarios/ into three parts that together run every scenario exactly once", async () => {
    const list = async (extra: string[]) => {
      const run = await firedrillRun(["run", "scenarios/", "--list", ...extra]);
      expect(run.exitCode, run.stderr).toBe(0);
      return run.stdout.trim().split("\n");
    };
    const all = await list([]);
    const shards = await Promise.all(["1/3", "2/3", "3/3"].map((s) => list(["--shard", s])));
    expect(all.length).toBeGreaterThanOrEqual(50);
    expect(all[0]).toMatch(/^scenarios\/\S+\.scenario\.ts:\d+ {2}\S+$/);
    for (const shard of shards)
      expect(shard.length).toBeGreaterThanOrEqual(Math.floor(all.length / 3));
    expect(shards.flat().sort()).toEqual([...all].sort());
  });
});

describe("firedrill run from another folder", () => {
  it("type-checks and loads scenarios wherever it is started", async () => {
    const file = path.join(repoRoot, "scenarios/cognitora/engine-not-ready.scenario.ts");
    const run = await execa(
      process.execPath,
      [path.join(repoRoot, "bin/firedrill.js"), "run", file, "--list"],
      {
        cwd: os.tmpdir(),
        reject: false,
      },
    );
    expect({ code: run.exitCode, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 0,
      stdout: `${path.relative(os.tmpdir(), file)}:5  cognitora-engine-not-ready`,
      stderr: "",
    });
  });
});
