import { EffectStack } from "../core/effect-stack.ts";
import type { Logger } from "../core/logger.ts";
import type { SeededRandom } from "../core/seeded-random.ts";

const GIB = 1024 ** 3;

/** A storage.fill fault: climb from `from` to `to` bytes over `rampMs` fleet ms from `startMs`. */
export interface FillPlan {
  readonly from: number;
  readonly to: number;
  readonly startMs: number;
  readonly rampMs: number;
}

/**
 * A Cosmictron node's data directory: a seeded disk, bytes that grow with every commit and are
 * compacted back past 60%, and the storage-fill faults' ramps on top; it logs when it is
 * nearly full (85%) and when it is back to normal.
 */
export class CosmictronStorage {
  /** Active storage-fill plans. */
  readonly fills = new EffectStack<FillPlan>();
  readonly diskTotalBytes: number;
  #baseBytes: number;
  #bytesUsed: number;
  #warned = false;

  constructor(random: SeededRandom) {
    this.diskTotalBytes = random.pick([64, 128, 256, 512]) * GIB;
    this.#baseBytes = Math.round(this.diskTotalBytes * random.uniform(0.42, 0.52));
    this.#bytesUsed = this.#baseBytes;
  }

  /** Bytes used, with any storage-fill ramp applied, as of the last update. */
  get bytesUsed(): number {
    return this.#bytesUsed;
  }

  /** Adds the bytes a committed transaction wrote. */
  grow(bytes: number): void {
    this.#baseBytes += bytes;
  }

  /** Applies compaction and any storage-fill ramp to bytes used, at fleet time `now`. */
  update(now: number, log: Logger): void {
    if (this.#baseBytes > this.diskTotalBytes * 0.6) {
      const before = this.#baseBytes;
      this.#baseBytes = Math.round(this.diskTotalBytes * 0.45);
      log.info("cosmictron_storage", "compaction finished", {
        freed_bytes: before - this.#baseBytes,
      });
    }
    let bytes = this.#baseBytes;
    for (const plan of this.fills.values()) {
      const progress =
        plan.rampMs > 0 ? Math.min(1, Math.max(0, (now - plan.startMs) / plan.rampMs)) : 1;
      bytes = Math.max(bytes, Math.round(plan.from + (plan.to - plan.from) * progress));
    }
    this.#bytesUsed = bytes;
    const ratio = bytes / this.diskTotalBytes;
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
