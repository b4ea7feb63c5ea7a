import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { repoRoot } from "../tools/tools.ts";
import { initProject } from "./init-project.ts";
import { scaffoldFiles } from "./scaffold-files.ts";

const dir = useTempDir("firedrill-init-", { each: true });

describe("initProject", () => {
  it("writes the config and an example scenario", async () => {
    expect(await initProject(dir())).toEqual([
      "firedrill.config.ts",
      "drills/engine-not-ready.scenario.ts",
    ]);
    expect(await readFile(path.join(dir(), "firedrill.config.ts"), "utf8")).toBe(
      scaffoldFiles["firedrill.config.ts"],
    );
    expect(await readFile(path.join(dir(), "drills/engine-not-ready.scenario.ts"), "utf8")).toBe(
      await readFile(
        path.join(repoRoot, "scenarios/cognitora/engine-not-ready.scenario.ts"),
        "utf8",
      ),
    );
  });

  it("refuses to overwrite a file, names it, and writes nothing", async () => {
    await writeFile(path.join(dir(), "firedrill.config.ts"), "// mine\n");
    await expect(initProject(dir())).rejects.toThrow(
      "Failed to scaffold a firedrill project: firedrill.config.ts already exists. `firedrill init` never overwrites a file: rename or remove it, or edit it by hand.",
    );
    expect(await readFile(path.join(dir(), "firedrill.config.ts"), "utf8")).toBe("// mine\n");
    await expect(readFile(path.join(dir(), "drills/engine-not-ready.scenario.ts"))).rejects.toThrow(
      /ENOENT/,
    );
  });
});
