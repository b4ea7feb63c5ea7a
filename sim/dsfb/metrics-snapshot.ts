import type { MotifClass } from "./motif-class.ts";

/** One motif class's exported state: its episode count and its last closed episode. */
export interface MotifSnapshot {
  readonly motif: MotifClass | string;
  /** Episodes closed since process start. */
  readonly episodes: number;
  /** |peak| of the most recently closed episode; NaN before the first one closes. */
  readonly peakLast: number;
  /** Trust-sum at the most recent episode boundary; NaN before the first episode closes. */
  readonly trustSumLast: number;
}

/** The streaming ingestor's reorder-buffer counters. */
export interface StreamingSnapshot {
  /** Samples held in the reorder buffer now. */
  readonly staged: number;
  /** Samples moved from the reorder buffer into the canonical stream since process start. */
  readonly flushed: number;
  /** Samples dropped for arriving more than one reorder window behind the flushed frontier. */
  readonly droppedOutOfWindow: number;
}

/**
 * What the exporter publishes, as dsfb-database's `MetricsSnapshot`: per-motif episode state
 * and, optionally, the streaming ingestor's counters (absent: the three streaming families are
 * left out, as for a batch `MotifEngine::run`).
 *
 * @example
 * const snapshot: MetricsSnapshot = { motifs: engine.motifs(), streaming: ingestor.counters() };
 */
export interface MetricsSnapshot {
  readonly motifs: readonly MotifSnapshot[];
  readonly streaming?: StreamingSnapshot;
}
