import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { glob } from "tinyglobby";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../tools/tools.ts";
import { importCycles } from "./import-cycles.ts";

describe("importCycles", () => {
  it("finds a cycle through a type-only import", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "firedrill-cycles-"));
    try {
      const file = (name: string) => path.join(dir, name);
      await writeFile(file("a.ts"), 'import { b } from "./b.ts";\nexport const a = b;\n');
      await writeFile(file("b.ts"), 'import type { C } from "./c.ts";\nexport const b: C = 1;\n');
      await writeFile(file("c.ts"), 'import { a } from "./a.ts";\nexport type C = typeof a;\n');
      await writeFile(file("d.ts"), 'import { a } from "./a.ts";\nexport const d = a;\n');
      const files = ["a.ts", "b.ts", "c.ts", "d.ts"].map(file);
      expect(importCycles(files)).toEqual([[file("a.ts"), file("b.ts"), file("c.ts")]]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("finds none in sim/, harness/ and reports/", async () => {
    const files = await glob(["sim/**/*.ts", "harness/**/*.ts", "reports/**/*.ts"], {
      cwd: repoRoot,
      absolute: true,
      ignore: ["**/*.test.ts", "reports/runs/**"],
    });
    const cycles = importCycles(files.map((f) => path.resolve(f)));
    expect(cycles.map((group) => group.map((f) => path.relative(repoRoot, f)))).toEqual([]);
  });
});
