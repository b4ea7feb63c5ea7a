import { describe, expect, it } from "vitest";
import { findComparisons } from "./find-comparisons.ts";

const sides = (expr: string) =>
  findComparisons(expr).map((c) => [c.left.text, c.op, c.right.text, c.right.node]);

describe("findComparisons", () => {
  it("splits an alert's expression into the left side, the operator and the threshold", () => {
    expect(sides("histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m]))) > 0.5")).toEqual([
      [
        "histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))",
        ">",
        "0.5",
        "NumberDurationLiteral",
      ],
    ]);
    expect(sides('up{job="x"} == 0')).toEqual([
      ['up{job="x"}', "==", "0", "NumberDurationLiteral"],
    ]);
  });

  it("reaches every comparison through set operators and parentheses, past matching clauses", () => {
    expect(sides("(s < 0.99) or s > 1.01")).toEqual([
      ["s", "<", "0.99", "NumberDurationLiteral"],
      ["s", ">", "1.01", "NumberDurationLiteral"],
    ]);
    expect(sides("min(p) < on (l) 0.75 * (count by (l) (up) - 1)")).toEqual([
      ["min(p)", "<", "0.75 * (count by (l) (up) - 1)", "BinaryExpr"],
    ]);
  });

  it("finds none in arithmetic, functions or `bool` comparisons, which compute values", () => {
    expect(sides("sum(rate(x[5m])) * 12")).toEqual([]);
    expect(sides("x > bool 0")).toEqual([]);
    expect(sides("absent(up == 0)")).toEqual([]);
  });
});
