import type { FaultDefinition } from "../core/fault-definition.ts";
import { lifecycleFaults } from "../core/lifecycle-faults.ts";
import type { DsfbNode } from "./dsfb-node.ts";
import { REORDER_WINDOW_MS } from "./dsfb-workload.ts";

/**
 * The DSFB exporter's fault catalog: residuals arriving out of the reorder window, an observer
 * whose trust-sum drifts, and the node crash and hang every system has.
 *
 * @example
 * dsfbFaults().map((f) => f.name); // ["dsfb.ingest.out-of-window", "dsfb.observer.trust-drift", ...]
 */
export function dsfbFaults(): FaultDefinition<DsfbNode>[] {
  const windowS = REORDER_WINDOW_MS / 1_000;
  return [
    {
      name: "dsfb.ingest.out-of-window",
      description: `A share of residual samples reaches the streaming ingestor lagSeconds late. Samples later than about two reorder windows (${2 * windowS}s) land more than one window behind the flushed frontier and are dropped, so dsfb_streaming_residuals_dropped_out_of_window_total climbs; shorter lags are absorbed. Samples already delayed still arrive (and are dropped) up to lagSeconds after the heal.`,
      params: [
        {
          name: "share",
          type: "number",
          default: 0.2,
          min: 0,
          max: 1,
          description: "Share of residual samples delayed, from 0 to 1.",
        },
        {
          name: "lagSeconds",
          type: "number",
          default: 30,
          min: 0,
          max: 3_600,
          description: `Fleet seconds the delayed samples arrive late; above ${2 * windowS} they are dropped.`,
        },
      ],
      apply: (node, params) =>
        node.delayResiduals(params.number("share"), params.number("lagSeconds")),
    },
    {
      name: "dsfb.observer.trust-drift",
      description:
        "The observer bank stops renormalising its trust weights: every trust-sum recorded at an episode boundary is off by offset, so dsfb_episode_trust_sum_last leaves [0.99, 1.01] for each motif as its next episode closes. After the heal each motif's gauge returns to range when its next episode closes.",
      params: [
        {
          name: "offset",
          type: "number",
          default: 0.05,
          min: -1,
          max: 1,
          description: "Added to every trust-sum (normal sums lie within 1 ± 0.002).",
        },
      ],
      apply: (node, params) => node.driftTrust(params.number("offset")),
    },
    ...lifecycleFaults("dsfb"),
  ];
}
