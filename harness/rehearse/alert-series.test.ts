import { describe, expect, it } from "vitest";
import { splitAlertExpr } from "./alert-series.ts";

describe("splitAlertExpr", () => {
  it("charts the left side of the top comparison with its number as the line", () => {
    expect(
      splitAlertExpr('rate(cosmictron_reducer_calls_total{status="error"}[5m]) > 0.05'),
    ).toEqual({
      query: 'rate(cosmictron_reducer_calls_total{status="error"}[5m])',
      threshold: 0.05,
      op: ">",
    });
    expect(splitAlertExpr('up{job="cosmictron"} == 0')).toEqual({
      query: 'up{job="cosmictron"}',
      threshold: 0,
      op: "==",
    });
  });

  it("charts an expression without a numeric comparison whole", () => {
    expect(splitAlertExpr("a < 0.99 or a > 1.01")).toEqual({
      query: "a < 0.99 or a > 1.01",
      threshold: null,
      op: null,
    });
    expect(splitAlertExpr("x > y")).toEqual({ query: "x > y", threshold: null, op: null });
  });
});
