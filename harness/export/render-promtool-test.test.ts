import { describe, expect, it } from "vitest";
import { renderPromtoolTest } from "./render-promtool-test.ts";

describe("renderPromtoolTest", () => {
  it("writes input series with runs folded and one alert_rule_test per check", () => {
    const text = renderPromtoolTest({
      header: ["Recorded by a test."],
      ruleFiles: ["rules.yml"],
      evaluationIntervalSeconds: 15,
      name: "drill",
      intervalSeconds: 15,
      series: [
        { labels: { __name__: "up", job: "a" }, values: [1, 1, 1, 1, null, null, 0, 0, "stale"] },
        { labels: { __name__: "x" }, values: [0.5, Number.NaN, 2] },
      ],
      checks: [
        { evalSeconds: 90, alertname: "Down", firing: [{ alertname: "Down", job: "a" }] },
        { evalSeconds: 150, alertname: "Down", firing: [] },
      ],
      annotations: [[{ summary: "a is down" }], []],
    });
    expect(text).toBe(`# Recorded by a test.
rule_files:
  - rules.yml
evaluation_interval: 15s
tests:
  - name: drill
    interval: 15s
    input_series:
      - series: up{job="a"}
        values: 1x3 _x2 0 0 stale
      - series: x{}
        values: 0.5 NaN 2
    alert_rule_test:
      - eval_time: 1m30s
        alertname: Down
        exp_alerts:
          - exp_labels:
              job: a
            exp_annotations:
              summary: a is down
      - eval_time: 2m30s
        alertname: Down
        exp_alerts: []
`);
  });
});
