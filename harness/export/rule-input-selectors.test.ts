import { describe, expect, it } from "vitest";
import { readRuleText } from "../rules/index.ts";
import { ruleInputSelectors } from "./rule-input-selectors.ts";

describe("ruleInputSelectors", () => {
  it("records each metric the rules read once, not the series they record or ALERTS", () => {
    const { sources } = readRuleText(
      `groups:
  - name: g
    rules:
      - record: job:errors:rate5m
        expr: sum by (job) (rate(errors_total{code=~"5.."}[5m])) / sum by (job) (rate(requests_total[5m]))
      - alert: ErrorsHigh
        expr: job:errors:rate5m > 0.05 and on (job) up{job="api"} == 1 unless ALERTS{alertname="Maintenance"}
      - alert: Anything
        expr: absent({job="batch"}) or rate(errors_total[1m] offset 5m) > 1
`,
      "rules.yml",
    );
    expect(ruleInputSelectors(sources)).toEqual([
      '{__name__="errors_total"}',
      '{__name__="requests_total"}',
      '{__name__="up"}',
      '{job="batch"}',
    ]);
  });
});
