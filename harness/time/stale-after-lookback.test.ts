import { describe, expect, it } from "vitest";
import { staleAfterLookback } from "./stale-after-lookback.ts";

describe("staleAfterLookback", () => {
  it("marks the series stale where the 5m lookback ends it at 1x (20 steps of 15s)", () => {
    expect(staleAfterLookback("1x3 _x30 1", 15_000)).toBe("1x3 _x19 stale _x10 1 _x19 stale");
    expect(staleAfterLookback("0+10x30 300x30 _x20", 15_000)).toBe("0+10x30 300x30 _x19 stale");
    expect(staleAfterLookback("5 _ _ _x18 7", 15_000)).toBe("5 _x19 stale 7 _x19 stale");
  });

  it("rounds up to the first step at or after the lookback's end", () => {
    expect(staleAfterLookback("1 _x20", 40_000)).toBe("1 _x7 stale _x12");
  });

  it("ends a series that ends with the list one lookback after its last sample", () => {
    expect(staleAfterLookback("1x3", 15_000)).toBe("1x3 _x19 stale");
    expect(staleAfterLookback("1x3 _x5", 15_000)).toBe("1x3 _x19 stale");
  });

  it("leaves gaps shorter than the lookback, series already stale and histograms alone", () => {
    expect(staleAfterLookback("1x3 _x19 1", 15_000)).toBe("1x3 _x19 1 _x19 stale");
    expect(staleAfterLookback("_x30 1", 15_000)).toBe("_x30 1 _x19 stale");
    expect(staleAfterLookback("1 stale _x30", 15_000)).toBeUndefined();
    expect(staleAfterLookback("{{count:1}} _x30", 15_000)).toBeUndefined();
  });
});
