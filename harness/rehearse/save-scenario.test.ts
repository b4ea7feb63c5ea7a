import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { saveScenario } from "./save-scenario.ts";

const dir = useTempDir("firedrill-save-");

describe("saveScenario", () => {
  it("never overwrites a file: a taken name gets -2, -3", async () => {
    await writeFile(path.join(dir(), "drill.scenario.ts"), "// the user's own\n");
    const second = await saveScenario(dir(), "drill", (name) => `// ${name}\n`);
    const third = await saveScenario(dir(), "drill", (name) => `// ${name}\n`);
    expect([second.name, path.basename(third.file)]).toEqual(["drill-2", "drill-3.scenario.ts"]);
    expect(await readFile(path.join(dir(), "drill.scenario.ts"), "utf8")).toBe(
      "// the user's own\n",
    );
    expect(await readFile(second.file, "utf8")).toBe("// drill-2\n");
  });

  it("refuses a name that is not a scenario name", async () => {
    await expect(saveScenario(dir(), "../Up There", () => "")).rejects.toThrow(
      'Failed to save the scenario: "../Up There" is not a scenario name. Use lower-case words joined by dashes, e.g. "cosmictron-node-crash".',
    );
  });
});
