import { EffectStack } from "../core/effect-stack.ts";
import type { MotifSnapshot } from "./metrics-snapshot.ts";
import { MOTIF_CLASSES, type MotifClass } from "./motif-class.ts";
import type { ResidualSample } from "./streaming-ingestor.ts";

/** Consecutive samples beyond the envelope that open an episode (debounce against blips). */
const OPEN_DWELL = 2;
/** Consecutive samples back inside the envelope that close it. */
const CLOSE_DWELL = 3;
/** Smoothing factors of the observer bank each motif's trust is spread over. */
const OBSERVER_ALPHAS = [0.05, 0.1, 0.2, 0.4] as const;
/** Trust weights are kept in per-mille, so their sum is 1 within ±0.002 (4 × half a unit). */
const TRUST_QUANTUM = 1000;

/** A closed episode, as the engine reports it. */
export interface ClosedEpisode {
  readonly motif: MotifClass;
  readonly startMs: number;
  readonly endMs: number;
  /** |peak| residual within the episode. */
  readonly peak: number;
  /** Sum of the observer bank's trust weights at the closing boundary. */
  readonly trustSum: number;
}

/** One motif's state machine and observer bank. */
interface MotifState {
  readonly envelope: number;
  readonly means: number[];
  above: number;
  below: number;
  open: { startMs: number; peak: number } | undefined;
  episodes: number;
  peakLast: number;
  trustSumLast: number;
}

/**
 * dsfb-database's motif engine over the canonical residual stream: per motif class, a small state
 * machine opens an episode after OPEN_DWELL samples beyond the class's envelope and closes it
 * after CLOSE_DWELL samples back inside, recording the episode's |peak| and the trust-sum of the
 * class's observer bank at that boundary (normally within [0.998, 1.002]). `trustDrifts` are
 * observer-bug offsets added to every trust-sum while active.
 *
 * @example
 * const engine = new MotifEngine({ envelopes, onClose: (e) => log.debug(...) });
 * engine.observe(sample);
 * engine.motifs(); // [{ motif: "plan_regression_onset", episodes: 0, peakLast: NaN, trustSumLast: NaN }, ...]
 */
export class MotifEngine {
  /** Active trust-sum offsets (the trust-drift fault). */
  readonly trustDrifts = new EffectStack<number>();
  readonly #envelopes: Readonly<Record<MotifClass, number>>;
  readonly #onClose: (episode: ClosedEpisode) => void;
  #states = new Map<MotifClass, MotifState>();

  constructor(options: {
    /** Per class, the |residual| beyond which a sample is outside the envelope. */
    envelopes: Readonly<Record<MotifClass, number>>;
    onClose?: (episode: ClosedEpisode) => void;
  }) {
    this.#envelopes = options.envelopes;
    this.#onClose = options.onClose ?? (() => undefined);
    this.reset();
  }

  /** Forgets every episode, as a process restart does. */
  reset(): void {
    this.#states = new Map(
      MOTIF_CLASSES.map((motif) => [
        motif,
        {
          envelope: this.#envelopes[motif],
          means: OBSERVER_ALPHAS.map(() => 0),
          above: 0,
          below: 0,
          open: undefined,
          episodes: 0,
          peakLast: Number.NaN,
          trustSumLast: Number.NaN,
        },
      ]),
    );
  }

  /** Feeds one sample of the canonical stream. */
  observe(sample: ResidualSample): void {
    const state = this.#states.get(sample.motif);
    if (!state) return;
    const magnitude = Math.abs(sample.value);
    const outside = magnitude > state.envelope;
    if (!state.open) {
      state.above = outside ? state.above + 1 : 0;
      if (state.above >= OPEN_DWELL) {
        state.open = { startMs: sample.t, peak: magnitude };
        state.below = 0;
      }
    } else {
      state.open.peak = Math.max(state.open.peak, magnitude);
      state.below = outside ? 0 : state.below + 1;
      if (state.below >= CLOSE_DWELL) this.#close(sample.motif, state, sample.t);
    }
    this.#updateObservers(state, sample.value);
  }

  /** Every motif's episode count and last closed episode, in MOTIF_CLASSES order. */
  motifs(): MotifSnapshot[] {
    return MOTIF_CLASSES.map((motif) => {
      const state = this.#states.get(motif) as MotifState;
      return {
        motif,
        episodes: state.episodes,
        peakLast: state.peakLast,
        trustSumLast: state.trustSumLast,
      };
    });
  }

  // Records the boundary: count, |peak|, and the trust-sum the observer bank shows now.
  #close(motif: MotifClass, state: MotifState, endMs: number): void {
    const open = state.open;
    if (!open) return;
    state.open = undefined;
    state.above = 0;
    state.below = 0;
    const drift = this.trustDrifts.values().reduce((sum, d) => sum + d, 0);
    const trustSum = Math.round((this.#trustSum(state) + drift) * 1e6) / 1e6;
    state.episodes++;
    state.peakLast = open.peak;
    state.trustSumLast = trustSum;
    this.#onClose({ motif, startMs: open.startMs, endMs, peak: open.peak, trustSum });
  }

  // Trust of each observer: softmax of its (negated, envelope-scaled) error, kept in per-mille.
  #trustSum(state: MotifState): number {
    const last = state.means;
    const scores = last.map((m) => -Math.abs(m) / state.envelope);
    const top = Math.max(...scores);
    const exp = scores.map((s) => Math.exp(s - top));
    const total = exp.reduce((a, b) => a + b, 0);
    return exp.reduce((sum, e) => sum + Math.round((e / total) * TRUST_QUANTUM) / TRUST_QUANTUM, 0);
  }

  // Moves each observer's running mean towards the sample.
  #updateObservers(state: MotifState, value: number): void {
    OBSERVER_ALPHAS.forEach((alpha, i) => {
      const mean = state.means[i] ?? 0;
      state.means[i] = mean + alpha * (value - mean);
    });
  }
}
