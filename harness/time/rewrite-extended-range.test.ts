import { describe, expect, it } from "vitest";
import { PROMTOOL, PROMTOOL_SKIP_REASON } from "../../sim/test-support/stack-tools.ts";
import { promqlFeatures, readRuleText } from "../rules/index.ts";
import { expectSameVerdictSpedUp } from "../testing/expect-same-verdict-sped-up.ts";
import { promtoolTestFile } from "../testing/promtool-test-file.ts";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { rewriteRuleFile } from "./rewrite-rule-file.ts";

// Prometheus 3's `anchored` and `smoothed` range modifiers (behind
// promql-extended-range-selectors) read the samples at and around the range's edges. Sped up,
// the range shrinks with the data's interval: the verdicts must stay those of 1x.
const rules = `groups:
  - name: g
    rules:
      - alert: AnchoredRate
        expr: rate(requests_total[5m] anchored) > 0.05
      - alert: SmoothedIncrease
        expr: increase(requests_total[2m] smoothed) >= 8
`;

function test(ruleFile: string): string {
  const check = (seconds: number, alertname: string, fires: boolean) => ({
    eval_time: `${seconds}s`,
    alertname,
    exp_alerts: fires ? [{ exp_labels: { job: "api" } }] : [],
  });
  return promtoolTestFile(
    ruleFile,
    // One request per scrape for 10m, then none.
    [{ series: 'requests_total{job="api"}', values: "0+1x40 40x40" }],
    [
      check(300, "AnchoredRate", true),
      check(900, "AnchoredRate", false),
      check(300, "SmoothedIncrease", true),
      check(780, "SmoothedIncrease", false),
    ],
  );
}

describe("anchored and smoothed ranges, sped up", () => {
  const dir = useTempDir("firedrill-extended-range-");

  it("keep their modifiers, and the rules ask for the feature flag", () => {
    const rewritten = rewriteRuleFile(rules, { speed: 30, file: "rules.yml" });
    expect(rewritten).toContain("rate(requests_total[10s] anchored) / 30");
    expect(rewritten).toContain("increase(requests_total[4s] smoothed)");
    expect(promqlFeatures(readRuleText(rules, "rules.yml").sources)).toEqual([
      "promql-extended-range-selectors",
    ]);
  });

  it.skipIf(!PROMTOOL)(
    `promtool gives the same verdicts at 1x and at 30x (${PROMTOOL_SKIP_REASON})`,
    () =>
      expectSameVerdictSpedUp(dir(), PROMTOOL!, {
        rules,
        test,
        name: "rules",
        features: ["promql-extended-range-selectors"],
      }),
  );
});
