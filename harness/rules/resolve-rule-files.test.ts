import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveRuleFiles } from "./resolve-rule-files.ts";

describe("resolveRuleFiles", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "firedrill-resolve-"));
    await mkdir(path.join(dir, "deploy/rules/nested"), { recursive: true });
    for (const file of [
      "deploy/rules/b.yaml",
      "deploy/rules/a.yml",
      "deploy/rules/nested/c.yml",
      "deploy/rules/README.md",
    ]) {
      await writeFile(path.join(dir, file), "groups: []\n");
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("takes a file, a folder's YAML files and a glob, sorted, each once", async () => {
    const at = (f: string) => path.join(dir, f);
    expect(
      await resolveRuleFiles(
        ["deploy/rules/b.yaml", "deploy/rules/", "deploy/*/nested/*.yml"],
        dir,
      ),
    ).toEqual([
      at("deploy/rules/b.yaml"),
      at("deploy/rules/a.yml"),
      at("deploy/rules/nested/c.yml"),
    ]);
  });

  it("refuses a name that matches nothing, saying what --rules takes", async () => {
    await expect(resolveRuleFiles(["deploy/nope.yml"], dir)).rejects.toThrow(
      "Failed to read rule file deploy/nope.yml: no such file or folder. Pass a rule file, a folder of them or a glob with --rules.",
    );
    await expect(resolveRuleFiles(["deploy/*.json"], dir)).rejects.toThrow(
      "Failed to read rule files deploy/*.json: no .yml or .yaml file matches it. Pass a rule file, a folder of them or a glob with --rules.",
    );
  });
});
