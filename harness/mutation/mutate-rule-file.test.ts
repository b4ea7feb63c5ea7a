import { describe, expect, it } from "vitest";
import { findThreshold, mutateRuleFile } from "./mutate-rule-file.ts";

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
`;

describe("mutateRuleFile", () => {
  it("finds the top-level comparison's threshold through the PromQL grammar", () => {
    expect(findThreshold("rate(x[5m]) > 0.05")).toEqual({ from: 14, to: 18, op: ">", value: 0.05 });
    expect(findThreshold('up{job="x"} == 0')).toBeUndefined();
    expect(findThreshold("sum(rate(x[5m]))")).toBeUndefined();
  });

  it("deletes each alert and moves each non-zero threshold tenfold the way that fires less", () => {
    const mutants = mutateRuleFile(rules);
    expect(mutants.map((m) => [m.alert, m.kind, m.change])).toEqual([
      ["Slow", "deleted", "rule deleted"],
      ["Slow", "threshold-x10", "> 0.5 → > 5"],
      ["Down", "deleted", "rule deleted"],
      ["LowHits", "deleted", "rule deleted"],
      ["LowHits", "threshold-x10", "< 0.3 → < 0.03"],
    ]);
    expect(mutants[1]?.text).toContain("rate(x_bucket[5m]))) > 5\n");
    expect(mutants[0]?.text).not.toContain("alert: Slow");
    expect(mutants[0]?.text).toContain("alert: Down");
  });
});
