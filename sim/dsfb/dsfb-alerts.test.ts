import { describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock.ts";
import { FaultRegistry } from "../core/fault-registry.ts";
import { fixturePath } from "../test-support/fixture-path.ts";
import {
  type FiringCheck,
  PROMTOOL,
  PROMTOOL_SKIP_REASON,
  promtoolDrill,
} from "../test-support/promtool-drill.ts";
import { scrapeTimeline } from "../test-support/scrape-timeline.ts";
import { dsfbFaults } from "./dsfb-faults.ts";
import { dsfbTestNode } from "./dsfb-test-node.ts";
import { formatSampleValue } from "./format-sample-value.ts";

const RULES = fixturePath("dsfb/rules.yml");

/** Fires/clear checks: which DSFB alerts are firing at a fleet minute. */
const CHECKS: FiringCheck[] = [
  { minute: 9.75, firing: [] }, // normal behaviour: nothing
  { minute: 12, firing: ["DsfbResidualsDroppedOutOfWindow"] }, // 2m after out-of-window
  { minute: 19, firing: [] }, // drops resolved ~5m after the last late sample
  { minute: 24, firing: ["DsfbTrustSumOutOfRange"] }, // 4m after trust-drift
  { minute: 34, firing: [] }, // back in range after the heal at 28m
];

/**
 * Runs one node in virtual time through the two DSFB faults, records what Prometheus would have
 * scraped every 15 s, and lets promtool evaluate fixtures/dsfb/rules.yml over it.
 */
async function recordDrill(): Promise<Map<string, string[]>> {
  const clock = new VirtualClock(Date.UTC(2025, 0, 1));
  const node = dsfbTestNode(clock);
  await node.start();
  const faults = new FaultRegistry({ definitions: dsfbFaults(), nodes: [node], clock });
  const series = new Map<string, string[]>();
  const record = (name: string, labels: string, value: number) => {
    const key = `${name}{job="dsfb", instance="127.0.0.1:42000", node="dsfb-0"${labels}}`;
    series.set(key, [...(series.get(key) ?? []), formatSampleValue(value)]);
  };
  const timeline: Record<number, () => Promise<unknown>> = {
    10: () => faults.inject({ name: "dsfb.ingest.out-of-window" }),
    13: () => faults.healAll(),
    20: () => faults.inject({ name: "dsfb.observer.trust-drift" }),
    28: () => faults.healAll(),
  };
  await scrapeTimeline(clock, 36, timeline, () => {
    const snapshot = node.snapshot();
    for (const m of snapshot.motifs) {
      const motif = `, motif="${m.motif}"`;
      record("dsfb_episodes_total", motif, m.episodes);
      record("dsfb_episode_peak_last", motif, m.peakLast);
      record("dsfb_episode_trust_sum_last", motif, m.trustSumLast);
    }
    const s = snapshot.streaming;
    record("dsfb_streaming_residuals_staged", "", s?.staged ?? 0);
    record("dsfb_streaming_residuals_flushed_total", "", s?.flushed ?? 0);
    record("dsfb_streaming_residuals_dropped_out_of_window_total", "", s?.droppedOutOfWindow ?? 0);
    record("up", "", 1);
  });
  await node.close();
  return series;
}

describe("fixtures/dsfb/rules.yml over the simulated node", () => {
  it.skipIf(!PROMTOOL)(
    `stays quiet normally and fires each fault's alert within a few fleet minutes, resolving after the heal (${PROMTOOL_SKIP_REASON})`,
    async () => {
      const series = await recordDrill();
      const result = await promtoolDrill({
        rules: RULES,
        series,
        checks: CHECKS,
        instances: (a) => (a === "DsfbTrustSumOutOfRange" ? 5 : 1),
      });
      expect(result.output).toContain("SUCCESS");
      expect(result.status).toBe(0);
    },
  );
});
