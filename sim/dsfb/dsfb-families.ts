import type { MetricsSnapshot } from "./metrics-snapshot.ts";

/** One sample of a family: the suffix after the family name, its labels and value. */
export interface FamilySample {
  /** "" or "_total". */
  readonly suffix: "" | "_total";
  readonly labels: readonly (readonly [string, string])[];
  readonly value: number;
}

/** A metric family independent of the text format it is written in. */
export interface Family {
  /** The family name without any sample suffix (OpenMetrics' MetricFamily name). */
  readonly name: string;
  readonly type: "counter" | "gauge";
  readonly help: string;
  readonly samples: readonly FamilySample[];
}

/** Code-point order, so the order does not depend on the host's locale. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The six dsfb families of a snapshot in their fixed order (the document's catalogue order),
 * motif series sorted by motif name; both text renderers format this list.
 *
 * @example
 * dsfbFamilies(snapshot).map((f) => f.name); // ["dsfb_episodes", "dsfb_episode_peak_last", ...]
 */
export function dsfbFamilies(snapshot: MetricsSnapshot): Family[] {
  const motifs = [...snapshot.motifs].sort((a, b) => byCodePoint(a.motif, b.motif));
  const perMotif = (suffix: "" | "_total", value: (m: (typeof motifs)[number]) => number) =>
    motifs.map((m) => ({ suffix, labels: [["motif", m.motif] as const], value: value(m) }));
  const families: Family[] = [
    {
      name: "dsfb_episodes",
      type: "counter",
      help: "Total episodes emitted per motif class since process start.",
      samples: perMotif("_total", (m) => m.episodes),
    },
    {
      name: "dsfb_episode_peak_last",
      type: "gauge",
      help: "|peak| of the most recently closed episode per motif. NaN when no episode has closed yet.",
      samples: perMotif("", (m) => m.peakLast),
    },
    {
      name: "dsfb_episode_trust_sum_last",
      type: "gauge",
      help: "Trust-sum observed at the most recent episode boundary. Should stay in [0.99, 1.01].",
      samples: perMotif("", (m) => m.trustSumLast),
    },
  ];
  const streaming = snapshot.streaming;
  if (streaming) {
    families.push(
      {
        name: "dsfb_streaming_residuals_staged",
        type: "gauge",
        help: "Current reorder buffer occupancy.",
        samples: [{ suffix: "", labels: [], value: streaming.staged }],
      },
      {
        name: "dsfb_streaming_residuals_flushed",
        type: "counter",
        help: "Samples moved from the reorder buffer into the canonical stream.",
        samples: [{ suffix: "_total", labels: [], value: streaming.flushed }],
      },
      {
        name: "dsfb_streaming_residuals_dropped_out_of_window",
        type: "counter",
        help: "Samples dropped because they arrived more than one reorder-window behind the flushed frontier.",
        samples: [{ suffix: "_total", labels: [], value: streaming.droppedOutOfWindow }],
      },
    );
  }
  return families;
}
