import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../tools/tools.ts";
import { noiseRulesBeside } from "./noise-rules-beside.ts";

describe("noiseRulesBeside", () => {
  it("makes the lattice's noise-rule mutants, with the alert's system, and none where no noise file stands", async () => {
    const lattice = path.join(repoRoot, "fixtures/lattice/rules.yml");
    const found = await noiseRulesBeside(lattice, await readFile(lattice, "utf8"));
    expect(found.map(({ mutant, rule }) => [mutant.id, rule])).toEqual([
      [
        "LatticeRaftLeaderChanged/noise-rule-added",
        {
          alert: "LatticeRaftLeaderChanged",
          system: "lattice",
          file: path.join(repoRoot, "fixtures/lattice/noise-rules.yml"),
        },
      ],
      [
        "LatticeUnsealCommitSlowOnce/noise-rule-added",
        {
          alert: "LatticeUnsealCommitSlowOnce",
          system: "lattice",
          file: path.join(repoRoot, "fixtures/lattice/noise-rules.yml"),
        },
      ],
    ]);
    const dsfb = path.join(repoRoot, "fixtures/dsfb/rules.yml");
    expect(await noiseRulesBeside(dsfb, await readFile(dsfb, "utf8"))).toEqual([]);
  });
});
