import { describe, expect, it } from "vitest";
import { markStale, seriesText } from "./record-input-series.ts";

describe("markStale", () => {
  it("marks where a series ended while its target was still scraped", () => {
    const always = () => true;
    expect(markStale([1, 1, null, null, null, 2, 2], always)).toEqual([
      1,
      1,
      "stale",
      null,
      null,
      2,
      2,
    ]);
    // One missed grid point is a sped-up scrape landing off the grid, not an end.
    expect(markStale([1, null, 1, 1], always)).toEqual([1, null, 1, 1]);
    // A series that stops for good at the end.
    expect(markStale([1, 1, null, null], always)).toEqual([1, 1, "stale", null]);
  });

  it("leaves a gap alone when nothing was scraped then (the stack stalled)", () => {
    expect(markStale([1, null, null, 1], (slot) => slot !== 1 && slot !== 2)).toEqual([
      1,
      null,
      null,
      1,
    ]);
  });
});

describe("seriesText", () => {
  it("writes the series as promtool's input_series names it, labels sorted and quoted", () => {
    expect(seriesText({ labels: { node: "a", __name__: "x", q: 'we"ird' } })).toBe(
      'x{node="a", q="we\\"ird"}',
    );
  });
});
