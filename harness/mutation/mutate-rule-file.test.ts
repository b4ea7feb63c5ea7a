import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { findThresholds, forMutations, mutateRuleFile } from "./mutate-rule-file.ts";

const rules = `groups:
  - name: g
    rules:
      - alert: Slow
        expr: histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m]))) > 0.5
        for: 5m
      - alert: Down
        expr: up{job="x"} == 0
      - alert: LowHits
        expr: ratio < 0.30 and on (model) count by (model) (y) > 1
      - alert: OutOfRange
        expr: |
          s < 0.99 or s > 1.01
`;

const exprOf = (text: string, alert: string) =>
  (parse(text) as { groups: { rules: { alert: string; expr: string }[] }[] }).groups[0]?.rules.find(
    (r) => r.alert === alert,
  )?.expr;

const forOf = (text: string, alert: string) =>
  (parse(text) as { groups: { rules: { alert: string; for?: string }[] }[] }).groups[0]?.rules.find(
    (r) => r.alert === alert,
  )?.for;

describe("forMutations", () => {
  it("leaves out a for that rounds to as many evaluations as the rule's own", () => {
    expect(forMutations(120, 15)).toEqual([
      { kind: "for-x3", to: 360 },
      { kind: "for-div3", to: 40 },
      { kind: "for-removed", to: undefined },
    ]);
    // 15s ÷ 3 = 5s fires at the same evaluation as 15s: the same rule, not a mutant.
    expect(forMutations(15, 15).map((m) => m.kind)).toEqual(["for-x3", "for-removed"]);
    expect(forMutations(0, 15)).toEqual([]);
  });
});

describe("findThresholds", () => {
  it("finds a top-level comparison's number through the PromQL grammar", () => {
    expect(findThresholds("rate(x[5m]) > 0.05")).toEqual([
      { from: 14, to: 18, op: ">", text: "0.05", harder: "0.5" },
    ]);
  });

  it("finds none where a tenfold move cannot make the alert fire less", () => {
    expect(findThresholds('up{job="x"} == 0')).toEqual([]);
    expect(findThresholds("rate(x[1m]) > 0")).toEqual([]);
    expect(findThresholds("sum(rate(x[5m]))")).toEqual([]);
    expect(findThresholds("x > bool 2")).toEqual([]);
  });

  it("finds both sides of or/and, and wraps a right side that is an expression", () => {
    expect(findThresholds("s < 0.99 or s > 1.01").map((t) => [t.op, t.text, t.harder])).toEqual([
      ["<", "0.99", "0.099"],
      [">", "1.01", "10.1"],
    ]);
    expect(findThresholds("min(p) < on (l) 0.75 * (count(up) - 1)").map((t) => t.harder)).toEqual([
      "(0.75 * (count(up) - 1)) / 10",
    ]);
    expect(findThresholds("(max(rate(c[1m])) < 1 / 12)").map((t) => t.harder)).toEqual([
      "(1 / 12) / 10",
    ]);
  });
});

describe("mutateRuleFile", () => {
  it("deletes each alert, moves each threshold in turn tenfold the way that fires less, and its for x3, /3 and away", () => {
    const mutants = mutateRuleFile(rules);
    expect(mutants.map((m) => [m.id, m.change])).toEqual([
      ["Slow/deleted", "rule deleted"],
      ["Slow/threshold-x10", "> 0.5 → > 5"],
      ["Slow/for-x3", "for: 5m → for: 15m"],
      ["Slow/for-div3", "for: 5m → for: 1m40s"],
      ["Slow/for-removed", "for: 5m → no for"],
      ["Down/deleted", "rule deleted"],
      ["LowHits/deleted", "rule deleted"],
      ["LowHits/threshold-x10", "< 0.30 → < 0.03"],
      ["LowHits/threshold-x10#2", "> 1 → > 10"],
      ["OutOfRange/deleted", "rule deleted"],
      ["OutOfRange/threshold-x10", "< 0.99 → < 0.099"],
      ["OutOfRange/threshold-x10#2", "> 1.01 → > 10.1"],
    ]);
    const byId = new Map(mutants.map((m) => [m.id, m.text]));
    expect(exprOf(byId.get("Slow/threshold-x10")!, "Slow")).toBe(
      "histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m]))) > 5",
    );
    expect(exprOf(byId.get("OutOfRange/threshold-x10#2")!, "OutOfRange")).toBe(
      "s < 0.99 or s > 10.1",
    );
    expect(forOf(byId.get("Slow/for-div3")!, "Slow")).toBe("1m40s");
    expect(forOf(byId.get("Slow/for-removed")!, "Slow")).toBeUndefined();
    expect(exprOf(byId.get("Slow/deleted")!, "Slow")).toBeUndefined();
    expect(exprOf(byId.get("Slow/deleted")!, "Down")).toBe('up{job="x"} == 0');
  });
});
