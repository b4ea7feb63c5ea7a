import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A clean type check: every file the program read, with the size and mtime it had then. */
interface CleanCheck {
  readonly files: readonly (readonly [file: string, mtimeMs: number, size: number])[];
}

/** How many clean checks the cache keeps (the newest). */
const KEEP = 32;

/**
 * Remembers, across processes, which sets of scenario files type-checked clean, so that a run
 * of unchanged scenarios does not pay for a TypeScript program (about 10 s of CPU, most of a
 * virtual-time run's start). A check counts as clean again only while every file the program
 * read — the scenarios, firedrill's API and its types, TypeScript's libs — has the size and
 * mtime it had, under the same TypeScript version and compiler options; any edit re-checks.
 */
export class TypecheckCache {
  readonly #file: string;

  constructor(file: string) {
    this.#file = file;
  }

  /** The cache key of one check: the root files and their contents, the compiler options and TypeScript's version. */
  static key(rootFiles: readonly string[], options: unknown, tsVersion: string): string {
    const hash = createHash("sha256").update(JSON.stringify([tsVersion, options]));
    // The scenarios by content too: a test may rewrite one within the same millisecond.
    for (const file of [...rootFiles].map((f) => path.resolve(f)).sort()) {
      hash.update(`\0${file}\0`);
      try {
        hash.update(readFileSync(file));
      } catch {
        hash.update("missing");
      }
    }
    return hash.digest("hex");
  }

  /** Whether the check under `key` was clean and nothing it read has changed since. */
  isClean(key: string): boolean {
    const entry = this.#read()[key];
    if (!entry) return false;
    return entry.files.every(([file, mtimeMs, size]) => {
      const stat = statSync(file, { throwIfNoEntry: false });
      return stat !== undefined && stat.mtimeMs === mtimeMs && stat.size === size;
    });
  }

  /** Records a clean check of `key` that read `files`. Best effort: a cache that cannot be written only costs time. */
  recordClean(key: string, files: readonly string[]): void {
    const stamped: CleanCheck["files"] = files.flatMap((file) => {
      const stat = statSync(file, { throwIfNoEntry: false });
      return stat ? [[file, stat.mtimeMs, stat.size] as const] : [];
    });
    if (stamped.length !== files.length) return; // a file vanished mid-check: do not vouch for it
    const entries = Object.entries(this.#read()).filter(([k]) => k !== key);
    entries.push([key, { files: stamped }]);
    try {
      mkdirSync(path.dirname(this.#file), { recursive: true });
      // Written aside, then renamed: parallel runs never read a half-written cache.
      const temp = `${this.#file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(Object.fromEntries(entries.slice(-KEEP))));
      renameSync(temp, this.#file);
    } catch {
      // Read-only or full disk: the next run checks again.
    }
  }

  #read(): Record<string, CleanCheck> {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.#file, "utf8"));
      return parsed !== null && typeof parsed === "object"
        ? (parsed as Record<string, CleanCheck>)
        : {};
    } catch {
      return {};
    }
  }
}
