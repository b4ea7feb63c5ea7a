import { describe, expect, it } from "vitest";
import { findExprParts } from "./find-expr-parts.ts";

describe("findExprParts", () => {
  it("finds range selectors' and subqueries' ranges, not a subquery's step or an offset", () => {
    const { ranges } = findExprParts(
      "rate(a[5m]) / rate(b[1h]) > 1 and max_over_time(c[10m:1m] offset 5m) > 2",
    );
    expect(ranges.map((r) => r.text)).toEqual(["5m", "1h", "10m"]);
  });

  it("finds the selecting matchers with their values, not the excluding ones", () => {
    const expr = 'up{job="x", node!="a", status=~"5..", "quoted.name"="v", env!~"dev"} == 0';
    const { matchers } = findExprParts(expr);
    expect(matchers.map((m) => [m.label, m.op, m.value.text])).toEqual([
      ["job", "=", '"x"'],
      ["status", "=~", '"5.."'],
      ['"quoted.name"', "=", '"v"'],
    ]);
    expect(expr.slice(matchers[0]!.value.from, matchers[0]!.value.to)).toBe('"x"');
  });
});
