import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TextfileWriter } from "./textfile-writer.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dsfb-textfile-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("TextfileWriter", () => {
  it("replaces the file by renaming a complete temporary file over it", async () => {
    const path = join(dir, "dsfb-0.prom");
    const writer = new TextfileWriter(path);
    writer.write("a 1\n");
    await writer.idle();
    const before = await stat(path);
    writer.write("a 2\n");
    await writer.idle();
    // A rename gives the path a new inode; an in-place rewrite would keep the old one.
    expect((await stat(path)).ino).not.toBe(before.ino);
    expect(await readFile(path, "utf8")).toBe("a 2\n");
    expect(await readdir(dir)).toEqual(["dsfb-0.prom"]);
  });

  it("keeps only the newest text while a write runs", async () => {
    const path = join(dir, "dsfb-0.prom");
    const writer = new TextfileWriter(path);
    for (let i = 0; i < 50; i++) writer.write(`a ${i}\n`);
    await writer.idle();
    expect(await readFile(path, "utf8")).toBe("a 49\n");
  });

  it("reports a failed write with the path and a remedy, and leaves no temporary file", async () => {
    const path = join(dir, "missing", "dsfb-0.prom");
    const writer = new TextfileWriter(path);
    writer.write("a 1\n");
    await writer.idle();
    expect(writer.lastError?.name).toBe("SimError");
    expect(writer.lastError?.message).toMatch(
      new RegExp(
        `^Failed to write textfile ${path}: ENOENT: .*\\. Check that its folder exists and is writable\\.$`,
      ),
    );
    expect(await readdir(dir)).toEqual([]);
  });
});
