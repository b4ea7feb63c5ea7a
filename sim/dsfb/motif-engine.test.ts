import { describe, expect, it } from "vitest";
import { MOTIF_CLASSES, type MotifClass } from "./motif-class.ts";
import { type ClosedEpisode, MotifEngine } from "./motif-engine.ts";

const ENVELOPES = Object.fromEntries(MOTIF_CLASSES.map((m) => [m, 3])) as Record<
  MotifClass,
  number
>;

/** Feeds `values` of one motif, one sample per second. */
function feed(engine: MotifEngine, motif: MotifClass, values: number[], from = 0): void {
  values.forEach((value, i) => {
    engine.observe({ seq: from + i, t: (from + i) * 1_000, motif, value });
  });
}

describe("MotifEngine", () => {
  it("reports every motif with 0 episodes and NaN gauges before any episode closes", () => {
    const engine = new MotifEngine({ envelopes: ENVELOPES });
    feed(engine, "cache_collapse", [0.1, 5, 6, 7]); // open, not closed
    expect(engine.motifs()).toEqual(
      MOTIF_CLASSES.map((motif) => ({
        motif,
        episodes: 0,
        peakLast: Number.NaN,
        trustSumLast: Number.NaN,
      })),
    );
  });

  it("opens after two samples beyond the envelope, closes after three inside, keeps |peak|", () => {
    const closed: ClosedEpisode[] = [];
    const engine = new MotifEngine({ envelopes: ENVELOPES, onClose: (e) => closed.push(e) });
    // A single blip does not open an episode; then a negative excursion peaking at -8.5.
    feed(engine, "contention_ramp", [0, 4, 0, 0, -4, -8.5, -5, 1, 0, 3.5, 0, 0, 0]);
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ motif: "contention_ramp", startMs: 5_000, endMs: 12_000 });
    const state = engine.motifs().find((m) => m.motif === "contention_ramp");
    expect(state?.episodes).toBe(1);
    expect(state?.peakLast).toBe(8.5);
    expect(state?.trustSumLast).toBeGreaterThanOrEqual(0.998);
    expect(state?.trustSumLast).toBeLessThanOrEqual(1.002);
  });

  it("adds active trust drifts to the trust-sum until they are healed", () => {
    const engine = new MotifEngine({ envelopes: ENVELOPES });
    const excursion = [5, 6, 0, 0, 0];
    const heal = engine.trustDrifts.add(0.05);
    feed(engine, "plan_regression_onset", excursion);
    const drifted = engine.motifs()[0]?.trustSumLast ?? Number.NaN;
    expect(drifted).toBeGreaterThan(1.04);
    heal();
    feed(engine, "plan_regression_onset", excursion, 10);
    const healed = engine.motifs()[0]?.trustSumLast ?? Number.NaN;
    expect(Math.abs(healed - 1)).toBeLessThanOrEqual(0.002);
  });
});
