import { describe, expect, it } from "vitest";
import { PROMTOOL, PROMTOOL_SKIP_REASON } from "../../sim/test-support/stack-tools.ts";
import { expectSameVerdictSpedUp } from "../testing/expect-same-verdict-sped-up.ts";
import { promtoolTestFile } from "../testing/promtool-test-file.ts";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { scalePromtoolTest } from "./scale-promtool-test.ts";

// A series that stops (a `_` gap) is visible at 1x for the 5m lookback, then gone. The
// compressed test keeps promtool's 5m lookback, so without a stale marker the series would
// stay visible 30 times longer and QueueSeen would keep firing.
const rules = `groups:
  - name: g
    rules:
      - alert: QueueSeen
        expr: queue_depth > 0
`;

function test(ruleFile: string): string {
  const check = (seconds: number, fires: boolean) => ({
    eval_time: `${seconds}s`,
    alertname: "QueueSeen",
    exp_alerts: fires ? [{ exp_labels: { job: "api" } }] : [],
  });
  return promtoolTestFile(
    ruleFile,
    // Scraped until 1m, then gone for 10m, then back at 11m15s.
    [{ series: 'queue_depth{job="api"}', values: "5x4 _x40 5x4" }],
    // Visible until 1m + 5m (6m excluded: Prometheus 3's lookback is left-open).
    [check(345, true), check(360, false), check(600, false), check(675, true)],
  );
}

describe("scaled promtool tests end a stopped series where the 1x lookback does", () => {
  const dir = useTempDir("firedrill-stale-");

  it("writes the stale marker at the lookback's end", () => {
    const text = scalePromtoolTest(test("rules.yml"), { speed: 30, file: "t.yml" });
    expect(text).toContain("values: 5x4 _x19 stale _x20 5x4");
    expect(text.split("\n")[0]).toBe(
      "# Compressed by firedrill from t.yml for speed 30: intervals and eval times divided by 30; stale markers where the 1x lookback ends a series.",
    );
  });

  it.skipIf(!PROMTOOL)(
    `promtool gives the same verdict at 1x and at 30x (${PROMTOOL_SKIP_REASON})`,
    () => expectSameVerdictSpedUp(dir(), PROMTOOL!, { rules, test, name: "rules" }),
  );
});
