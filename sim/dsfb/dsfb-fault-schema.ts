import type { FaultSchemaTable } from "../core/fault-schema.ts";
import { lifecycleFaultSchema } from "../core/lifecycle-fault-schema.ts";
import { shareParam } from "../core/share-param.ts";
import { REORDER_WINDOW_MS } from "./dsfb-workload.ts";

/** The streaming ingestor's reorder window, in seconds, as the descriptions quote it. */
const windowS = REORDER_WINDOW_MS / 1_000;

/**
 * The DSFB exporter's faults, declared once: residuals arriving out of the reorder window, an
 * observer whose trust-sum drifts, and the node crash and hang every system has. Keys are the
 * scenario factories' names.
 */
export const dsfbFaultSchema = {
  /**
   * A `share` (default 0.2) of residual samples arrives `lagSeconds` (default 30) late; lags
   * above two reorder windows (10 s) are dropped: DsfbResidualsDroppedOutOfWindow fires within
   * about a minute and resolves about 5m after the last late sample (lagSeconds after the heal).
   */
  ingestOutOfWindow: {
    name: "dsfb.ingest.out-of-window",
    description: `A share of residual samples reaches the streaming ingestor lagSeconds late. Samples later than about two reorder windows (${2 * windowS}s) land more than one window behind the flushed frontier and are dropped, so dsfb_streaming_residuals_dropped_out_of_window_total climbs; shorter lags are absorbed. Samples already delayed still arrive (and are dropped) up to lagSeconds after the heal.`,
    params: {
      share: shareParam(0.2, "Share of residual samples delayed, from 0 to 1."),
      lagSeconds: {
        type: "number",
        default: 30,
        min: 0,
        max: 3_600,
        description: `Fleet seconds the delayed samples arrive late; above ${2 * windowS} they are dropped.`,
      },
    },
  },
  /**
   * Every trust-sum at an episode boundary is off by `offset` (default 0.05):
   * DsfbTrustSumOutOfRange fires per motif about 2m after that motif's next episode closes, and
   * resolves when its first episode after the heal closes in range.
   */
  observerTrustDrift: {
    name: "dsfb.observer.trust-drift",
    description:
      "The observer bank stops renormalising its trust weights: every trust-sum recorded at an episode boundary is off by offset, so dsfb_episode_trust_sum_last leaves [0.99, 1.01] for each motif as its next episode closes. After the heal each motif's gauge returns to range when its next episode closes.",
    params: {
      offset: {
        type: "number",
        default: 0.05,
        min: -1,
        max: 1,
        description: "Added to every trust-sum (normal sums lie within 1 ± 0.002).",
      },
    },
  },
  ...lifecycleFaultSchema("dsfb"),
} as const satisfies FaultSchemaTable;
