import { describe, expect, it } from "vitest";
import { parseForValues, parseThresholds } from "./tune-values.ts";

describe("parseThresholds", () => {
  it("reads a range with both ends, or a list", () => {
    expect(parseThresholds("0.1:1:0.1")).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(parseThresholds("0.3,0.5,2")).toEqual([0.3, 0.5, 2]);
  });

  it("says what is wrong with a bad one", () => {
    expect(() => parseThresholds("1:0.1:0.1")).toThrow(
      "firedrill tune: --threshold 1:0.1:0.1: the range must go from low to high. Give from:to:step (e.g. 0.1:1:0.1) or a list (e.g. 0.3,0.5,1).",
    );
    expect(() => parseThresholds("0.1,x")).toThrow('"x" is not a number');
    expect(() => parseThresholds("0:100:1")).toThrow("that is 101 values; tune at most 50 at once");
  });
});

describe("parseForValues", () => {
  it("reads durations, 0s included", () => {
    expect(parseForValues("0s, 30s,1m,3m")).toEqual(["0s", "30s", "1m", "3m"]);
  });
});
