import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TypecheckCache } from "./typecheck-cache.ts";

describe("TypecheckCache", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "firedrill-typecheck-cache-"));
  const scenario = path.join(dir, "a.scenario.ts");
  const api = path.join(dir, "api.d.ts");
  writeFileSync(scenario, "export default 1;\n");
  writeFileSync(api, "export declare const x: number;\n");
  const key = () => TypecheckCache.key([scenario], { strict: true }, "5.9.3");

  it("vouches for a clean check, across instances, until a file it read changes", () => {
    new TypecheckCache(path.join(dir, "cache.json")).recordClean(key(), [scenario, api]);
    const cache = new TypecheckCache(path.join(dir, "cache.json"));
    expect(cache.isClean(key())).toBe(true);
    // The API changes under an unchanged scenario: check again.
    utimesSync(api, new Date(), new Date(Date.now() + 5_000));
    expect(cache.isClean(key())).toBe(false);
  });

  it("keys on the scenarios' contents, the compiler options and TypeScript's version", () => {
    const before = key();
    expect(TypecheckCache.key([scenario], { strict: false }, "5.9.3")).not.toBe(before);
    expect(TypecheckCache.key([scenario], { strict: true }, "6.0.0")).not.toBe(before);
    writeFileSync(scenario, "export default 2;\n");
    expect(key()).not.toBe(before);
  });

  it("forgets nothing it never saw and fails quietly where it cannot write", () => {
    const cache = new TypecheckCache(path.join(dir, "missing/dir/../../cache2.json"));
    expect(cache.isClean(key())).toBe(false);
    // Its folder would have to be inside a file: mkdir fails (ENOTDIR).
    const readOnly = new TypecheckCache(path.join(scenario, "cache.json"));
    expect(() => readOnly.recordClean(key(), [scenario])).not.toThrow();
    expect(readOnly.isClean(key())).toBe(false);
  });
});
