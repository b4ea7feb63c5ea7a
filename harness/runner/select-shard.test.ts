import { describe, expect, it } from "vitest";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import type { Scenario } from "../scenario/types.ts";
import { parseShard, selectShard } from "./select-shard.ts";

const loaded = (file: string, name: string): LoadedScenario => ({
  file,
  scenario: { name } as Scenario,
});
// Seven scenarios in four files, listed out of order.
const suite = [
  loaded("/p/drills/c.scenario.ts", "c"),
  loaded("/p/drills/a.scenario.ts", "a-2"),
  loaded("/p/drills/a.scenario.ts", "a-1"),
  loaded("/p/drills/b/x.scenario.ts", "x"),
  loaded("/p/drills/d.scenario.ts", "d-1"),
  loaded("/p/drills/d.scenario.ts", "d-3"),
  loaded("/p/drills/d.scenario.ts", "d-2"),
];
const names = (list: LoadedScenario[]) => list.map((l) => l.scenario.name);

describe("selectShard", () => {
  it("splits by file path then name into consecutive parts", () => {
    expect([1, 2, 3].map((index) => names(selectShard(suite, { index, total: 3 })))).toEqual([
      ["a-1", "a-2"],
      ["x", "c"],
      ["d-1", "d-2", "d-3"],
    ]);
  });

  it("runs every scenario exactly once across the shards, whatever N", () => {
    for (let total = 1; total <= 9; total++) {
      const all = Array.from({ length: total }, (_, i) =>
        names(selectShard(suite, { index: i + 1, total })),
      ).flat();
      expect(all.sort()).toEqual(names(suite).sort());
    }
  });

  it("gives the same shard whatever order the scenarios were loaded in", () => {
    const reversed = [...suite].reverse();
    expect(names(selectShard(reversed, { index: 2, total: 3 }))).toEqual(["x", "c"]);
  });
});

describe("parseShard", () => {
  it("reads K/N", () => {
    expect(parseShard("firedrill run", "2/3")).toEqual({ index: 2, total: 3 });
  });

  it.each(["0/3", "4/3", "3", "1/0", "a/b", "1/3/4"])("rejects %s", (text) => {
    expect(() => parseShard("firedrill run", text)).toThrow(
      `firedrill run: --shard must be K/N with 1 ≤ K ≤ N, e.g. --shard 2/3 (got "${text}").`,
    );
  });
});
