import { describe, expect, it } from "vitest";
import { promqlFeatures } from "./promql-features.ts";
import { readRuleText } from "./read-rule-text.ts";

const rules = (...exprs: string[]) =>
  readRuleText(
    `groups:\n  - name: g\n    rules:\n${exprs.map((e, i) => `      - alert: A${i}\n        expr: ${e}\n`).join("")}`,
    "rules.yml",
  ).sources;

describe("promqlFeatures", () => {
  it("names the feature flags the rules need, and none for plain PromQL", () => {
    expect(promqlFeatures(rules("rate(x[5m]) > 1", "max_over_time(y[1m]) > 2"))).toEqual([]);
    expect(
      promqlFeatures(rules("rate(x[5m] anchored) > 1", "increase(y[5m] smoothed) > 0")),
    ).toEqual(["promql-extended-range-selectors"]);
    expect(promqlFeatures(rules("mad_over_time(x[10m]) > 3", "rate(y[1m] smoothed) > 0"))).toEqual([
      "promql-experimental-functions",
      "promql-extended-range-selectors",
    ]);
  });
});
