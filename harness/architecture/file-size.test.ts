import { stat } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../tools/tools.ts";

/** Issue #9's bound: a source file that grows past it is two concepts, and wants splitting. */
const MAX_BYTES = 10_000;

describe("source files", () => {
  it(`are each at most ${MAX_BYTES} bytes (sim, harness, reports, scenarios, test, bench, bin)`, async () => {
    const files = await glob(
      ["{sim,harness,reports,scenarios,test,bench,bin,scripts}/**/*.{ts,js,mjs,go}"],
      { cwd: repoRoot, ignore: ["reports/runs/**", "**/node_modules/**"] },
    );
    expect(files.length).toBeGreaterThan(500);
    const sizes = await Promise.all(
      files.map(async (f) => ({ file: f, bytes: (await stat(path.join(repoRoot, f))).size })),
    );
    expect(sizes.filter((s) => s.bytes > MAX_BYTES).map((s) => `${s.file}: ${s.bytes}`)).toEqual(
      [],
    );
  });
});
