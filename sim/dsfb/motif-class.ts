/**
 * The five motif classes of dsfb-database's grammar, as the `motif` label spells them:
 * snake_case of the crate's `MotifClass` variants (PlanRegressionOnset → plan_regression_onset).
 *
 * @example
 * for (const motif of MOTIF_CLASSES) engine.episodes(motif);
 */
export const MOTIF_CLASSES = [
  "plan_regression_onset",
  "cardinality_mismatch_regime",
  "contention_ramp",
  "cache_collapse",
  "workload_phase_transition",
] as const;

/** One motif class, e.g. "contention_ramp". */
export type MotifClass = (typeof MOTIF_CLASSES)[number];
