import type { SeededRandom } from "../core/seeded-random.ts";

/** Share of normal fsyncs that hit a slow outlier (a device flush, a journal commit). */
const OUTLIER_SHARE = 0.003;

/**
 * Draws the device's own fsync latency in seconds: a log-normal body (median 3 ms, p99 about
 * 12 ms) and, for 0.3% of fsyncs, a log-normal outlier (median 40 ms, sigma 0.9), so fsync goes
 * past 20 ms now and then and past 100 ms rarely. An outlier over 0.5 s is about 1 in 10^5
 * fsyncs: far under the 1% of a 5m window it takes to move the p99 over the 0.5 s line.
 */
export function deviceFsyncSeconds(random: SeededRandom): number {
  const seconds = random.chance(OUTLIER_SHARE)
    ? random.logNormal(0.04, 0.9)
    : random.logNormal(0.003, 0.6);
  return Math.max(0.0002, seconds);
}

/** What one commit waited for: its whole WAL wait and, if it started one, the fsync it ran. */
export interface WalCommit {
  /** Seconds from the commit's arrival at the WAL until its fsync completed. */
  readonly waitSeconds: number;
  /** The fsync this commit started (seconds), or undefined if it joined one already queued. */
  readonly fsyncSeconds: number | undefined;
}

/**
 * A node's WAL on its device, with group commit: a commit that arrives while an fsync runs waits
 * for it, and the commits that queued meanwhile share the next fsync. Normally each fsync is a
 * few ms and almost every commit has its own; when the device stalls, each fsync takes the stall
 * on top of the device's own latency, commits queue behind it, and their reducer calls wait.
 *
 * @example
 * const wal = new WalDevice();
 * wal.commit(1_000, random, { stallSeconds: undefined, slowFsyncs }); // { waitSeconds: 0.003, ... }
 */
export class WalDevice {
  // Fleet ms at which the last fsync started and at which it ends.
  #groupStart = Number.NEGATIVE_INFINITY;
  #busyUntil = Number.NEGATIVE_INFINITY;

  /** Forgets queued fsyncs, as a crash does. */
  reset(): void {
    this.#groupStart = Number.NEGATIVE_INFINITY;
    this.#busyUntil = Number.NEGATIVE_INFINITY;
  }

  /**
   * Commits a transaction arriving at fleet ms `arrival` (arrivals in time order). A stall adds
   * `stallSeconds` (±15%) to every fsync; a pending single slow fsync replaces the next one.
   */
  commit(
    arrival: number,
    random: SeededRandom,
    faults: {
      readonly stallSeconds: number | undefined;
      readonly slowFsyncs: { left: number; seconds: number };
    },
  ): WalCommit {
    if (arrival <= this.#groupStart) {
      return { waitSeconds: (this.#busyUntil - arrival) / 1000, fsyncSeconds: undefined };
    }
    let fsync = deviceFsyncSeconds(random);
    if (faults.stallSeconds !== undefined)
      fsync += faults.stallSeconds * random.uniform(0.85, 1.15);
    if (faults.slowFsyncs.left > 0) {
      faults.slowFsyncs.left--;
      fsync = faults.slowFsyncs.seconds;
    }
    this.#groupStart = Math.max(arrival, this.#busyUntil);
    this.#busyUntil = this.#groupStart + fsync * 1000;
    return { waitSeconds: (this.#busyUntil - arrival) / 1000, fsyncSeconds: fsync };
  }
}
