import type { Heal } from "../core/fault-definition.ts";
import type { Logger } from "../core/logger.ts";
import type { SeededRandom } from "../core/seeded-random.ts";

const GIB = 1024 ** 3;
/** Bytes per page of the table store (the document's 985040896 bytes / 120450 pages ≈ 8 KiB). */
const PAGE_BYTES = 8192;

/** A bulk import (the storage-fill fault): `bytes` written by reducer calls over `rampMs`. */
interface BulkImport {
  readonly bytes: number;
  readonly startMs: number;
  readonly rampMs: number;
  /** Bytes the reducer calls have written for it so far. */
  written: number;
}

/**
 * A Cosmictron node's data directory on a seeded disk: the table store's pages and the WAL
 * segments not yet checkpointed. Every committed write goes to the WAL; a checkpoint (at each
 * segment rotation) folds the WAL into pages and recycles its segments, so bytes used grow by
 * exactly what the reducer calls write and stay flat when none commit. A bulk import adds bytes
 * to the calls of its ramp; healing it drops the imported table. Logs when the directory is
 * nearly full (85%) and when it is back to normal.
 */
export class CosmictronStorage {
  readonly diskTotalBytes: number;
  #pageBytes: number;
  #walBytes = 0;
  readonly #imports = new Set<BulkImport>();
  #warned = false;

  constructor(random: SeededRandom) {
    this.diskTotalBytes = random.pick([64, 128, 256, 512]) * GIB;
    this.#pageBytes = Math.round(this.diskTotalBytes * random.uniform(0.42, 0.52));
  }

  /** Bytes used: table pages plus WAL segments not yet checkpointed. */
  get bytesUsed(): number {
    return this.#pageBytes + this.#walBytes;
  }

  /** Pages in the table store. */
  get pages(): number {
    return Math.ceil(this.#pageBytes / PAGE_BYTES);
  }

  /** Starts a bulk import of `bytes` that the reducer calls write over `rampMs` from `now`. */
  bulkImport(bytes: number, rampMs: number, now: number): Heal {
    const load: BulkImport = { bytes: Math.max(0, bytes), startMs: now, rampMs, written: 0 };
    this.#imports.add(load);
    return () => {
      if (!this.#imports.delete(load)) return;
      // The imported table is dropped: its rows leave the WAL first, then the pages.
      const fromWal = Math.min(this.#walBytes, load.written);
      this.#walBytes -= fromWal;
      this.#pageBytes = Math.max(0, this.#pageBytes - (load.written - fromWal));
    };
  }

  /** Bytes the active imports are due to have written by `now` and have not yet. */
  importDue(now: number): number {
    let due = 0;
    for (const load of this.#imports) {
      const progress =
        load.rampMs > 0 ? Math.min(1, Math.max(0, (now - load.startMs) / load.rampMs)) : 1;
      due += Math.max(0, Math.round(load.bytes * progress) - load.written);
    }
    return due;
  }

  /** A committed call wrote `bytes` to the WAL, `imported` of them for the active imports. */
  write(bytes: number, imported = 0): void {
    this.#walBytes += bytes;
    let left = imported;
    for (const load of this.#imports) {
      const share = Math.min(left, load.bytes - load.written);
      load.written += share;
      left -= share;
    }
  }

  /** Folds the WAL into the table's pages and recycles its segments. */
  checkpoint(): void {
    this.#pageBytes += this.#walBytes;
    this.#walBytes = 0;
  }

  /** Logs crossing 85% of the disk, either way. */
  update(log: Logger): void {
    const ratio = this.bytesUsed / this.diskTotalBytes;
    if (ratio > 0.85 && !this.#warned) {
      this.#warned = true;
      log.warn("cosmictron_storage", "data directory nearly full", {
        used_ratio: +ratio.toFixed(3),
      });
    } else if (ratio <= 0.85 && this.#warned) {
      this.#warned = false;
      log.info("cosmictron_storage", "data directory usage back to normal", {
        used_ratio: +ratio.toFixed(3),
      });
    }
  }
}
