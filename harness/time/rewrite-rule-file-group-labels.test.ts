import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { PROMTOOL, PROMTOOL_SKIP_REASON } from "../../sim/test-support/stack-tools.ts";
import { checkRules, testRules } from "../config/index.ts";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { rewriteRuleFile } from "./rewrite-rule-file.ts";
import { scalePromtoolTest } from "./scale-promtool-test.ts";

// Prometheus 2.42 refused both: query_offset (2.53+) and group-level labels (3.0+).
const rules = `groups:
  - name: offsets
    query_offset: 1m
    labels:
      team: storage
    rules:
      - alert: DiskBusy
        expr: disk_busy > 0.9
        for: 2m
`;

const test = (ruleFile: string) =>
  stringify({
    rule_files: [ruleFile],
    evaluation_interval: "15s",
    tests: [
      {
        interval: "15s",
        input_series: [{ series: 'disk_busy{node="n0"}', values: "0.5x8 0.95x40" }],
        // Busy from 2m15s; seen 1m later (query_offset), firing once for: 2m has passed.
        alert_rule_test: [
          { eval_time: "5m", alertname: "DiskBusy", exp_alerts: [] },
          {
            eval_time: "5m15s",
            alertname: "DiskBusy",
            exp_alerts: [{ exp_labels: { node: "n0", team: "storage" } }],
          },
        ],
      },
    ],
  });

describe("a rule file with query_offset and group labels", () => {
  const dir = useTempDir("firedrill-offset-");

  it("keeps the labels and divides query_offset", () => {
    expect(rewriteRuleFile(rules, { speed: 30, file: "offsets.yml" })).toContain(
      "    query_offset: 2s\n    labels:\n      team: storage\n",
    );
  });

  it.skipIf(!PROMTOOL)(
    `loads in promtool and gives the same verdict at 1x and 30x (${PROMTOOL_SKIP_REASON})`,
    async () => {
      const original = path.join(dir(), "offsets.yml");
      await writeFile(original, rules);
      await checkRules(original, PROMTOOL!);
      const plain = path.join(dir(), "plain.test.yml");
      await writeFile(plain, test(original));
      await testRules(plain, PROMTOOL!);
      const rewritten = path.join(dir(), "offsets-30x.yml");
      await writeFile(rewritten, rewriteRuleFile(rules, { speed: 30, file: original }));
      await checkRules(rewritten, PROMTOOL!);
      const scaled = path.join(dir(), "scaled.test.yml");
      await writeFile(
        scaled,
        scalePromtoolTest(test(original), { speed: 30, file: plain, ruleFiles: [rewritten] }),
      );
      await testRules(scaled, PROMTOOL!);
    },
  );
});
