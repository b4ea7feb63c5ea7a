import { describe, expect, it } from "vitest";
import { type ResidualSample, StreamingIngestor } from "./streaming-ingestor.ts";

/** A sample of one class at event time t (ms). */
function at(seq: number, t: number): ResidualSample {
  return { seq, t, motif: "contention_ramp", value: seq };
}

/** An ingestor with a 5 s window collecting its canonical stream. */
function ingestor() {
  const flushed: ResidualSample[] = [];
  const ingest = new StreamingIngestor({ windowMs: 5_000, onFlush: (s) => flushed.push(s) });
  return { ingest, flushed };
}

describe("StreamingIngestor", () => {
  it("flushes jittered samples in event-time order once the window has passed them", () => {
    const { ingest, flushed } = ingestor();
    // Event times 0..9 s, arriving shuffled by up to 3 s (less than the window).
    const arrivals = [1_000, 0, 3_000, 2_000, 4_000, 6_000, 5_000, 9_000, 8_000, 7_000];
    for (const [i, t] of arrivals.entries()) ingest.push(at(i, t));
    expect(flushed.map((s) => s.t)).toEqual([0, 1_000, 2_000, 3_000, 4_000]);
    expect(ingest.counters()).toEqual({ staged: 5, flushed: 5, droppedOutOfWindow: 0 });
    expect(ingest.frontier).toBe(4_000);
  });

  it("drops and counts samples more than one window behind the flushed frontier", () => {
    const { ingest, flushed } = ingestor();
    for (let t = 0; t <= 20_000; t += 1_000) ingest.push(at(t / 1_000, t));
    expect(ingest.frontier).toBe(15_000);
    // 10 s is exactly one window behind the frontier: still accepted; 9.999 s is not.
    expect(ingest.push(at(100, 9_999))).toBe("dropped");
    expect(ingest.push(at(101, 2_000))).toBe("dropped");
    expect(ingest.counters()).toEqual({ staged: 5, flushed: 16, droppedOutOfWindow: 2 });
    expect(flushed.some((s) => s.seq >= 100)).toBe(false);
  });

  it("flushes a sample behind the frontier but within one window at once", () => {
    const { ingest, flushed } = ingestor();
    for (let t = 0; t <= 20_000; t += 1_000) ingest.push(at(t / 1_000, t));
    expect(ingest.push(at(200, 10_000))).toBe("staged");
    expect(flushed.at(-1)).toEqual(at(200, 10_000));
    expect(ingest.counters()).toEqual({ staged: 5, flushed: 17, droppedOutOfWindow: 0 });
    expect(ingest.frontier).toBe(15_000);
  });

  it("orders equal event times by emission order", () => {
    const { ingest, flushed } = ingestor();
    ingest.push(at(2, 0));
    ingest.push(at(1, 0));
    ingest.push(at(3, 5_000));
    expect(flushed.map((s) => s.seq)).toEqual([1, 2]);
  });

  it("starts over after reset, as a restarted process", () => {
    const { ingest } = ingestor();
    for (let t = 0; t <= 20_000; t += 1_000) ingest.push(at(t / 1_000, t));
    ingest.push(at(100, 0));
    ingest.reset();
    expect(ingest.counters()).toEqual({ staged: 0, flushed: 0, droppedOutOfWindow: 0 });
    expect(ingest.push(at(101, 0))).toBe("staged");
  });

  it("refuses a window that is not positive", () => {
    expect(() => new StreamingIngestor({ windowMs: 0, onFlush: () => undefined })).toThrow(
      "Failed to create the streaming ingestor: the reorder window must be > 0 ms, got 0. Pass a positive windowMs.",
    );
  });
});
