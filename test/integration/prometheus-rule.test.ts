import { describe, expect, it } from "vitest";
import { firedrillRun, readResults, tempReportDir } from "./support.ts";

// Operators keep their rules as Kubernetes objects: a drill takes Cognitora's PrometheusRule, as
// `helm template` renders it beside a ConfigMap, through --rules with a folder.
describe("a PrometheusRule from a Helm render", () => {
  it("is drilled like a plain rule file, and the report says what was read", async () => {
    const report = tempReportDir("prometheus-rule");
    const result = await firedrillRun([
      "run",
      "scenarios/cognitora/engine-not-ready.scenario.ts",
      "--rules",
      "fixtures/kubernetes/rules/",
      "--report-dir",
      report,
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(
      /(^|\n)rules: skipped \S*fixtures\/kubernetes\/rules\/cognitora-prometheus-rule\.yaml document 1 \(v1\/ConfigMap cognitora\/cognitora-dashboards\): not a rule file nor a PrometheusRule\n/,
    );
    const results = readResults(report) as unknown as { inputs: unknown };
    expect(results.inputs).toEqual({
      rules: [
        {
          file: expect.stringMatching(
            /fixtures\/kubernetes\/rules\/cognitora-prometheus-rule\.yaml$/,
          ),
          document: 2,
          kind: "PrometheusRule",
          object: "cognitora/cognitora",
        },
      ],
      skippedRuleDocuments: [
        {
          file: expect.stringMatching(
            /fixtures\/kubernetes\/rules\/cognitora-prometheus-rule\.yaml$/,
          ),
          document: 1,
          kind: "v1/ConfigMap",
          object: "cognitora/cognitora-dashboards",
        },
      ],
      alertmanagerConfig: {
        file: expect.stringMatching(/fixtures\/alertmanager\.yml$/),
        applied: [],
      },
    });
  });
});
