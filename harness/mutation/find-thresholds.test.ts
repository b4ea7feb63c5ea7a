import { describe, expect, it } from "vitest";
import { findThresholds } from "./find-thresholds.ts";

describe("findThresholds", () => {
  it("finds a top-level comparison's number through the PromQL grammar", () => {
    expect(findThresholds("rate(x[5m]) > 0.05")).toEqual([
      { from: 14, to: 18, op: ">", text: "0.05", harder: "0.5", softer: "0.005" },
    ]);
  });

  it("moves a negative line the other way: ten times -0.5 is a lower line", () => {
    expect(findThresholds("x > -0.5").map((t) => [t.harder, t.softer])).toEqual([["-0.05", "-5"]]);
    expect(findThresholds("x < -0.5").map((t) => [t.harder, t.softer])).toEqual([["-5", "-0.05"]]);
  });

  it("finds none where a tenfold move cannot make the alert fire less", () => {
    expect(findThresholds('up{job="x"} == 0')).toEqual([]);
    expect(findThresholds("rate(x[1m]) > 0")).toEqual([]);
    expect(findThresholds("sum(rate(x[5m]))")).toEqual([]);
    expect(findThresholds("x > bool 2")).toEqual([]);
  });

  it("finds both sides of or/and, and wraps a right side that is an expression", () => {
    expect(
      findThresholds("s < 0.99 or s > 1.01").map((t) => [t.op, t.text, t.harder, t.softer]),
    ).toEqual([
      ["<", "0.99", "0.099", "9.9"],
      [">", "1.01", "10.1", "0.101"],
    ]);
    expect(
      findThresholds("min(p) < on (l) 0.75 * (count(up) - 1)").map((t) => [t.harder, t.softer]),
    ).toEqual([["(0.75 * (count(up) - 1)) / 10", "(0.75 * (count(up) - 1)) * 10"]]);
    expect(findThresholds("(max(rate(c[1m])) < 1 / 12)").map((t) => t.harder)).toEqual([
      "(1 / 12) / 10",
    ]);
  });
});
