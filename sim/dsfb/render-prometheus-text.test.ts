import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PROMTOOL, PROMTOOL_SKIP_REASON } from "../test-support/stack-tools.ts";
import type { MetricsSnapshot } from "./metrics-snapshot.ts";
import { renderPrometheusText } from "./render-prometheus-text.ts";

const SNAPSHOT: MetricsSnapshot = {
  motifs: [
    { motif: "contention_ramp", episodes: 17, peakLast: 12.25, trustSumLast: 0.999 },
    { motif: "cache_collapse", episodes: 0, peakLast: Number.NaN, trustSumLast: Number.NaN },
  ],
  streaming: { staged: 42, flushed: 123456, droppedOutOfWindow: 3 },
};

describe("renderPrometheusText", () => {
  it("renders the textfile variant exactly: _total family names, the node label, no # EOF", () => {
    expect(
      renderPrometheusText(SNAPSHOT, { node: "dsfb-0" }),
    ).toBe(`# HELP dsfb_episodes_total Total episodes emitted per motif class since process start.
# TYPE dsfb_episodes_total counter
dsfb_episodes_total{motif="cache_collapse",node="dsfb-0"} 0
dsfb_episodes_total{motif="contention_ramp",node="dsfb-0"} 17
# HELP dsfb_episode_peak_last |peak| of the most recently closed episode per motif. NaN when no episode has closed yet.
# TYPE dsfb_episode_peak_last gauge
dsfb_episode_peak_last{motif="cache_collapse",node="dsfb-0"} NaN
dsfb_episode_peak_last{motif="contention_ramp",node="dsfb-0"} 12.25
# HELP dsfb_episode_trust_sum_last Trust-sum observed at the most recent episode boundary. Should stay in [0.99, 1.01].
# TYPE dsfb_episode_trust_sum_last gauge
dsfb_episode_trust_sum_last{motif="cache_collapse",node="dsfb-0"} NaN
dsfb_episode_trust_sum_last{motif="contention_ramp",node="dsfb-0"} 0.999
# HELP dsfb_streaming_residuals_staged Current reorder buffer occupancy.
# TYPE dsfb_streaming_residuals_staged gauge
dsfb_streaming_residuals_staged{node="dsfb-0"} 42
# HELP dsfb_streaming_residuals_flushed_total Samples moved from the reorder buffer into the canonical stream.
# TYPE dsfb_streaming_residuals_flushed_total counter
dsfb_streaming_residuals_flushed_total{node="dsfb-0"} 123456
# HELP dsfb_streaming_residuals_dropped_out_of_window_total Samples dropped because they arrived more than one reorder-window behind the flushed frontier.
# TYPE dsfb_streaming_residuals_dropped_out_of_window_total counter
dsfb_streaming_residuals_dropped_out_of_window_total{node="dsfb-0"} 3
`);
  });

  // promtool's `check metrics` parses the Prometheus text format (as node_exporter does) and lints it.
  it.skipIf(!PROMTOOL)(`passes \`promtool check metrics\` (${PROMTOOL_SKIP_REASON})`, () => {
    for (const labels of [{}, { node: "dsfb-0" }] as Record<string, string>[]) {
      const result = spawnSync(PROMTOOL!, ["check", "metrics"], {
        input: renderPrometheusText(SNAPSHOT, labels),
        encoding: "utf8",
      });
      expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
        status: 0,
        stdout: "",
        stderr: "",
      });
    }
  });
});
