import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { forMutations, mutateRuleFile } from "./mutate-rule-file.ts";

const rules = `groups:
  - name: g
    rules:
      - alert: Slow
        expr: histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m]))) > 0.5
        for: 5m
        labels:
          severity: critical
      - alert: Down
        expr: up{job="x"} == 0
        labels:
          severity: warning
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

describe("mutateRuleFile", () => {
  it("deletes each alert, moves each threshold tenfold both ways, its for x3, /3 and away, its ranges x3, its severity and each matcher", () => {
    const mutants = mutateRuleFile(rules);
    expect(mutants.map((m) => [m.id, m.change])).toEqual([
      ["Slow/deleted", "rule deleted"],
      ["Slow/threshold-x10", "> 0.5 → > 5"],
      ["Slow/threshold-sensitive", "> 0.5 → > 0.05"],
      ["Slow/for-x3", "for: 5m → for: 15m"],
      ["Slow/for-div3", "for: 5m → for: 1m40s"],
      ["Slow/for-removed", "for: 5m → no for"],
      ["Slow/range-x3", "[5m] → [15m]"],
      ["Slow/severity-changed", "severity: critical → warning"],
      ["Down/deleted", "rule deleted"],
      ["Down/severity-changed", "severity: warning → critical"],
      ["Down/matcher-changed", 'job="x" → job="x-typo"'],
      ["LowHits/deleted", "rule deleted"],
      ["LowHits/threshold-x10", "< 0.30 → < 0.03"],
      ["LowHits/threshold-x10#2", "> 1 → > 10"],
      ["LowHits/threshold-sensitive", "< 0.30 → < 3"],
      ["LowHits/threshold-sensitive#2", "> 1 → > 0.1"],
      ["OutOfRange/deleted", "rule deleted"],
      ["OutOfRange/threshold-x10", "< 0.99 → < 0.099"],
      ["OutOfRange/threshold-x10#2", "> 1.01 → > 10.1"],
      ["OutOfRange/threshold-sensitive", "< 0.99 → < 9.9"],
      ["OutOfRange/threshold-sensitive#2", "> 1.01 → > 0.101"],
    ]);
    const byId = new Map(mutants.map((m) => [m.id, m.text]));
    expect(exprOf(byId.get("Slow/threshold-x10")!, "Slow")).toBe(
      "histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m]))) > 5",
    );
    expect(exprOf(byId.get("OutOfRange/threshold-x10#2")!, "OutOfRange")).toBe(
      "s < 0.99 or s > 10.1",
    );
    expect(exprOf(byId.get("Slow/threshold-sensitive")!, "Slow")).toBe(
      "histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m]))) > 0.05",
    );
    expect(exprOf(byId.get("Slow/range-x3")!, "Slow")).toBe(
      "histogram_quantile(0.99, sum by (le) (rate(x_bucket[15m]))) > 0.5",
    );
    expect(exprOf(byId.get("Down/matcher-changed")!, "Down")).toBe('up{job="x-typo"} == 0');
    const severityOf = (text: string, alert: string) =>
      (
        parse(text) as { groups: { rules: { alert: string; labels?: { severity?: string } }[] }[] }
      ).groups[0]?.rules.find((r) => r.alert === alert)?.labels?.severity;
    expect(severityOf(byId.get("Slow/severity-changed")!, "Slow")).toBe("warning");
    expect(severityOf(byId.get("Slow/severity-changed")!, "Down")).toBe("warning");
    expect(forOf(byId.get("Slow/for-div3")!, "Slow")).toBe("1m40s");
    expect(forOf(byId.get("Slow/for-removed")!, "Slow")).toBeUndefined();
    expect(exprOf(byId.get("Slow/deleted")!, "Slow")).toBeUndefined();
    expect(exprOf(byId.get("Slow/deleted")!, "Down")).toBe('up{job="x"} == 0');
  });
});

describe("mutateRuleFile's severity mutant", () => {
  it("removes the severity where the file has only one", () => {
    const one = `groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: x > 1\n        labels: { severity: page }\n`;
    const severity = mutateRuleFile(one).find((m) => m.kind === "severity-changed");
    expect(severity?.change).toBe("severity: page → no severity");
    expect(severity?.text).not.toContain("severity");
  });
});
