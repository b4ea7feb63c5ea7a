import { describe, expect, it } from "vitest";
import type { MetricsSnapshot } from "./metrics-snapshot.ts";
import { renderOpenMetrics } from "./render-openmetrics.ts";

/** A fixed snapshot: motifs out of order, one motif before its first episode. */
const SNAPSHOT: MetricsSnapshot = {
  motifs: [
    { motif: "workload_phase_transition", episodes: 2, peakLast: 6.5, trustSumLast: 1.001 },
    { motif: "cache_collapse", episodes: 0, peakLast: Number.NaN, trustSumLast: Number.NaN },
    { motif: "contention_ramp", episodes: 17, peakLast: 12.25, trustSumLast: 0.999 },
  ],
  streaming: { staged: 42, flushed: 123456, droppedOutOfWindow: 3 },
};

const GOLDEN = `# TYPE dsfb_episodes counter
# HELP dsfb_episodes Total episodes emitted per motif class since process start.
dsfb_episodes_total{motif="cache_collapse"} 0
dsfb_episodes_total{motif="contention_ramp"} 17
dsfb_episodes_total{motif="workload_phase_transition"} 2
# TYPE dsfb_episode_peak_last gauge
# HELP dsfb_episode_peak_last |peak| of the most recently closed episode per motif. NaN when no episode has closed yet.
dsfb_episode_peak_last{motif="cache_collapse"} NaN
dsfb_episode_peak_last{motif="contention_ramp"} 12.25
dsfb_episode_peak_last{motif="workload_phase_transition"} 6.5
# TYPE dsfb_episode_trust_sum_last gauge
# HELP dsfb_episode_trust_sum_last Trust-sum observed at the most recent episode boundary. Should stay in [0.99, 1.01].
dsfb_episode_trust_sum_last{motif="cache_collapse"} NaN
dsfb_episode_trust_sum_last{motif="contention_ramp"} 0.999
dsfb_episode_trust_sum_last{motif="workload_phase_transition"} 1.001
# TYPE dsfb_streaming_residuals_staged gauge
# HELP dsfb_streaming_residuals_staged Current reorder buffer occupancy.
dsfb_streaming_residuals_staged 42
# TYPE dsfb_streaming_residuals_flushed counter
# HELP dsfb_streaming_residuals_flushed Samples moved from the reorder buffer into the canonical stream.
dsfb_streaming_residuals_flushed_total 123456
# TYPE dsfb_streaming_residuals_dropped_out_of_window counter
# HELP dsfb_streaming_residuals_dropped_out_of_window Samples dropped because they arrived more than one reorder-window behind the flushed frontier.
dsfb_streaming_residuals_dropped_out_of_window_total 3
# EOF
`;

describe("renderOpenMetrics", () => {
  it("renders a fixed snapshot exactly (golden text)", () => {
    expect(renderOpenMetrics(SNAPSHOT)).toBe(GOLDEN);
  });

  it("is byte-identical on repeat and whatever the order of the motifs given", () => {
    const first = renderOpenMetrics(SNAPSHOT);
    const reversed = { ...SNAPSHOT, motifs: [...SNAPSHOT.motifs].reverse() };
    expect(Buffer.from(renderOpenMetrics(SNAPSHOT)).equals(Buffer.from(first))).toBe(true);
    expect(renderOpenMetrics(reversed)).toBe(first);
  });

  it("ends with # EOF and a newline, once, as the last line", () => {
    const text = renderOpenMetrics(SNAPSHOT);
    expect(text.endsWith("\n# EOF\n")).toBe(true);
    expect(text.split("# EOF").length).toBe(2);
  });

  it("writes NaN gauges and 0 counters before the first episode closes", () => {
    const text = renderOpenMetrics({
      motifs: [{ motif: "plan_regression_onset", episodes: 0, peakLast: NaN, trustSumLast: NaN }],
    });
    expect(text).toBe(`# TYPE dsfb_episodes counter
# HELP dsfb_episodes Total episodes emitted per motif class since process start.
dsfb_episodes_total{motif="plan_regression_onset"} 0
# TYPE dsfb_episode_peak_last gauge
# HELP dsfb_episode_peak_last |peak| of the most recently closed episode per motif. NaN when no episode has closed yet.
dsfb_episode_peak_last{motif="plan_regression_onset"} NaN
# TYPE dsfb_episode_trust_sum_last gauge
# HELP dsfb_episode_trust_sum_last Trust-sum observed at the most recent episode boundary. Should stay in [0.99, 1.01].
dsfb_episode_trust_sum_last{motif="plan_regression_onset"} NaN
# EOF
`);
  });

  it("escapes label values and writes infinities and tiny values in OpenMetrics number syntax", () => {
    const text = renderOpenMetrics({
      motifs: [{ motif: 'a"b\\c\nd', episodes: 1, peakLast: Infinity, trustSumLast: 1e-7 }],
    });
    expect(text).toContain('dsfb_episodes_total{motif="a\\"b\\\\c\\nd"} 1\n');
    expect(text).toContain('dsfb_episode_peak_last{motif="a\\"b\\\\c\\nd"} +Inf\n');
    expect(text).toContain('dsfb_episode_trust_sum_last{motif="a\\"b\\\\c\\nd"} 1e-7\n');
  });
});
