import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useTempDir } from "./use-temp-dir.ts";

describe("useTempDir", () => {
  const seen: string[] = [];
  afterAll(() => {
    // The inner blocks' folders are gone once their tests have run.
    expect(seen.length).toBe(3);
    expect(seen.filter((dir) => existsSync(dir))).toEqual([]);
  });

  describe("one folder for the block", () => {
    const dir = useTempDir("firedrill-temp-dir-test-");
    it("is made under the OS's tmp folder with the prefix, before the tests", () => {
      expect(path.dirname(dir())).toBe(os.tmpdir());
      expect(path.basename(dir())).toMatch(/^firedrill-temp-dir-test-.{6}$/);
      expect(existsSync(dir())).toBe(true);
      seen.push(dir());
    });
  });

  describe("a folder for each test", () => {
    const under = path.join(os.tmpdir(), "firedrill-temp-dir-test-parent");
    const dir = useTempDir("each-", { under, each: true });
    const mine: string[] = [];
    afterAll(() => rm(under, { recursive: true, force: true }));
    it.each([1, 2])("is a fresh one under the given parent (test %i)", () => {
      expect(path.dirname(dir())).toBe(under);
      expect(existsSync(dir())).toBe(true);
      expect(mine).not.toContain(dir());
      mine.push(dir());
      seen.push(dir());
    });
  });

  describe("before its tests", () => {
    const dir = useTempDir("firedrill-temp-dir-test-early-");
    // Read while the file is collected, before any hook has run.
    const early = (() => {
      try {
        return dir();
      } catch (error) {
        return error;
      }
    })();
    it("refuses to name the folder", () => {
      expect(early).toEqual(new Error("useTempDir: the folder exists only while tests run."));
    });
  });
});
