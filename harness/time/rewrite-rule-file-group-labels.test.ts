import { describe, expect, it } from "vitest";
import { PROMTOOL, PROMTOOL_SKIP_REASON } from "../../sim/test-support/stack-tools.ts";
import { expectSameVerdictSpedUp } from "../testing/expect-same-verdict-sped-up.ts";
import { promtoolTestFile } from "../testing/promtool-test-file.ts";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { rewriteRuleFile } from "./rewrite-rule-file.ts";

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
  promtoolTestFile(
    ruleFile,
    [{ series: 'disk_busy{node="n0"}', values: "0.5x8 0.95x40" }],
    // Busy from 2m15s; seen 1m later (query_offset), firing once for: 2m has passed.
    [
      { eval_time: "5m", alertname: "DiskBusy", exp_alerts: [] },
      {
        eval_time: "5m15s",
        alertname: "DiskBusy",
        exp_alerts: [{ exp_labels: { node: "n0", team: "storage" } }],
      },
    ],
  );

describe("a rule file with query_offset and group labels", () => {
  const dir = useTempDir("firedrill-offset-");

  it("keeps the labels and divides query_offset", () => {
    expect(rewriteRuleFile(rules, { speed: 30, file: "offsets.yml" })).toContain(
      "    query_offset: 2s\n    labels:\n      team: storage\n",
    );
  });

  it.skipIf(!PROMTOOL)(
    `loads in promtool and gives the same verdict at 1x and 30x (${PROMTOOL_SKIP_REASON})`,
    () =>
      expectSameVerdictSpedUp(dir(), PROMTOOL!, { rules, test, name: "offsets", checkRules: true }),
  );
});
