import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROMTOOL } from "../../sim/test-support/stack-tools.ts";
import { testRules } from "../config/index.ts";
import { InputError } from "../errors.ts";
import { promtoolTestFile } from "../testing/promtool-test-file.ts";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { repoRoot } from "../tools/tools.ts";
import { formatDuration } from "./format-duration.ts";
import { rewriteRuleFile } from "./rewrite-rule-file.ts";
import { scalePromtoolTest } from "./scale-promtool-test.ts";

// The key property of time compression: Prometheus' own rule engine (promtool) gives the same
// verdict for the fleet-time rules at 1x and for the rewritten rules on compressed input at Nx.

// Provisioned by `firedrill setup` (npm test runs it first).
const promtool = PROMTOOL ?? "promtool";
const speeds = [10, 30, 60];
const fixtureRules = path.join(repoRoot, "fixtures/cosmictron/rules.yml");
const fixtureTest = path.join(repoRoot, "fixtures/cosmictron/rules.test.yml");

// Rules exercising what the Cosmictron rules do not: offsets, keep_firing_for, irate, deriv,
// predict_linear, subqueries, recording rules, count_over_time and changes, a group interval.
const extraRules = `groups:
  - name: extras
    interval: 30s
    rules:
      - alert: IncreaseOffset
        expr: increase(requests_total[5m] offset 1m) > 40
        for: 2m
        keep_firing_for: 3m
      - alert: IrateHigh
        expr: irate(requests_total[1m]) > 0.15
      - alert: DerivRising
        expr: deriv(queue_depth[5m]) > 0.5
        for: 1m
      - alert: PredictFull
        expr: predict_linear(queue_depth[10m], 3600) > 2600
      - alert: SubqueryPeak
        expr: max_over_time(rate(requests_total[1m])[5m:30s]) > 0.15
      - record: job:requests:rate2m
        expr: sum by (job) (rate(requests_total[2m]))
      - alert: RecordedRate
        expr: job:requests:rate2m > 0.1
        for: 30s
      - alert: FewSamples
        expr: count_over_time(queue_depth[2m]) < 8 and changes(queue_depth[10m]) > 0
`;

const series = { job: "api", instance: "a" };
// When each alert fires at 1x, in fleet seconds: [first, last] evaluations that see it firing,
// as promtool 3 judges them. Checked just before, at both ends, and just after. Prometheus 2.42's
// closed windows gave SubqueryPeak [390, 900] and FewSamples [945, 1035]: 3's left-open [1m],
// [2m] and [5m:30s] windows hold one sample (or step) fewer, so both move by a step.
const firing: [alertname: string, labels: Record<string, string>, windows: [number, number][]][] = [
  ["IncreaseOffset", series, [[660, 945]]],
  ["IrateHigh", series, [[330, 615]]],
  ["DerivRising", series, [[75, 540]]],
  ["PredictFull", series, [[315, 510]]],
  ["SubqueryPeak", series, [[360, 885]]],
  ["RecordedRate", { job: "api" }, [[390, 660]]],
  [
    "FewSamples",
    series,
    [
      [15, 90],
      [930, 1020],
    ],
  ],
];

// A fleet-time promtool test file for the extra rules: 15s scrapes and evaluations.
function extrasTest(ruleFile: string): string {
  const checks = firing.flatMap(([alertname, labels, windows]) =>
    windows.flatMap(([first, last]) =>
      [
        [first - 15, false],
        [first, true],
        [last, true],
        [last + 15, false],
      ].map(([seconds, fires]) => ({
        eval_time: formatDuration(Number(seconds) * 1000),
        alertname,
        exp_alerts: fires ? [{ exp_labels: labels }] : [],
      })),
    ),
  );
  return promtoolTestFile(
    ruleFile,
    [
      // 1 request per 15s, then 3, then none.
      { series: 'requests_total{job="api", instance="a"}', values: "0+1x20 20+3x20 80+0x40" },
      // Rising 10 per 15s, flat, a scrape gap, flat again.
      { series: 'queue_depth{job="api", instance="a"}', values: "0+10x30 300x30 _x8 300x10" },
    ],
    checks,
  );
}

describe("the verdict is the same at 1x and sped up", () => {
  const dir = useTempDir("firedrill-verdict-");

  // Rewrites the rules and compresses the test for `speed`, then lets promtool judge.
  async function judgeAt(speed: number, rules: string, test: string, name: string): Promise<void> {
    const rewritten = path.join(dir(), `${name}-${speed}x.rules.yml`);
    await writeFile(
      rewritten,
      rewriteRuleFile(await readFile(rules, "utf8"), { speed, file: rules }),
    );
    const compressed = path.join(dir(), `${name}-${speed}x.test.yml`);
    await writeFile(
      compressed,
      scalePromtoolTest(await readFile(test, "utf8"), {
        speed,
        file: test,
        ruleFiles: [rewritten],
      }),
    );
    await testRules(compressed, promtool);
  }

  it("Cosmictron's rules pass their own tests at 1x", async () => {
    await expect(testRules(fixtureTest, promtool)).resolves.toBeUndefined();
  });

  it.each(speeds)("Cosmictron's rules pass the same tests at %dx", async (speed) => {
    await expect(judgeAt(speed, fixtureRules, fixtureTest, "cosmictron")).resolves.toBeUndefined();
  });

  it("fails when the rules are not rewritten: the check has teeth", async () => {
    const compressed = path.join(dir(), "unrewritten.test.yml");
    await writeFile(
      compressed,
      scalePromtoolTest(await readFile(fixtureTest, "utf8"), {
        speed: 30,
        file: fixtureTest,
        ruleFiles: [fixtureRules],
      }),
    );
    const result = testRules(compressed, promtool);
    await expect(result).rejects.toThrow(InputError);
    await expect(result).rejects.toThrow("alertname: CosmictronNoLiveness, time: 4s");
  });

  it("the extra rules pass their generated tests at 1x", async () => {
    const rules = path.join(dir(), "extras.rules.yml");
    const test = path.join(dir(), "extras.test.yml");
    await writeFile(rules, extraRules);
    await writeFile(test, extrasTest(rules));
    await expect(testRules(test, promtool)).resolves.toBeUndefined();
  });

  it.each(speeds)("the extra rules pass the same tests at %dx", async (speed) => {
    const rules = path.join(dir(), "extras.rules.yml");
    const test = path.join(dir(), "extras.test.yml");
    await writeFile(rules, extraRules);
    await writeFile(test, extrasTest(rules));
    await expect(judgeAt(speed, rules, test, "extras")).resolves.toBeUndefined();
  });
});

describe("scalePromtoolTest", () => {
  it("divides intervals and eval times, keeps values and expectations, rewrites exprs", () => {
    const text = [
      "rule_files: [rules.yml]",
      "tests:",
      "  - input_series:",
      "      - series: x",
      '        values: "0+1x10"',
      "    alert_rule_test:",
      "      - eval_time: 5m",
      "        alertname: A",
      "        exp_alerts: []",
      "    promql_expr_test:",
      "      - expr: rate(x[5m])",
      "        eval_time: 10m",
      "        exp_samples: [{ labels: '{}', value: 0.0167 }]",
      "",
    ].join("\n");
    expect(
      scalePromtoolTest(text, { speed: 30, file: "t.yml", ruleFiles: ["/run/rules.yml"] }),
    ).toBe(
      [
        "# Compressed by firedrill from t.yml for speed 30: intervals and eval times divided by 30; stale markers where the 1x lookback ends a series.",
        "",
        "rule_files:",
        "  - /run/rules.yml",
        "tests:",
        "  - input_series:",
        "      - series: x",
        '        values: "0+1x10 _x4 stale"',
        "    alert_rule_test:",
        "      - eval_time: 10s",
        "        alertname: A",
        "        exp_alerts: []",
        "    promql_expr_test:",
        "      - expr: (rate(x[10s]) / 30)",
        "        eval_time: 20s",
        "        exp_samples: [{labels: '{}', value: 0.0167}]",
        "    interval: 2s",
        "evaluation_interval: 2s",
        "",
      ].join("\n"),
    );
  });
});
