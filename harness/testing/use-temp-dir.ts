import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

/** Where useTempDir makes its folder, and whether each test gets a fresh one. */
export interface TempDirOptions {
  /** The parent folder, created if missing (default: the OS's tmp folder). */
  readonly under?: string;
  /** A fresh folder for each test instead of one for the file or `describe` block. */
  readonly each?: boolean;
}

/**
 * For tests: a fresh temporary folder `<under>/<prefix>XXXXXX`, made before the tests of the
 * file or `describe` block it is called in and removed after them; returns its path's getter.
 *
 * @example
 * const dir = useTempDir("firedrill-check-");
 * it("writes", async () => writeFile(path.join(dir(), "a.yml"), text));
 */
export function useTempDir(prefix: string, options: TempDirOptions = {}): () => string {
  const under = options.under ?? os.tmpdir();
  let dir: string | undefined;
  (options.each ? beforeEach : beforeAll)(async () => {
    await mkdir(under, { recursive: true });
    dir = await mkdtemp(path.join(under, prefix));
  });
  (options.each ? afterEach : afterAll)(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (dir === undefined) throw new Error("useTempDir: the folder exists only while tests run.");
    return dir;
  };
}
