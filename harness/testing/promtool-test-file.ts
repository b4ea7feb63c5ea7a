import { stringify } from "yaml";

/** One `input_series` entry of a promtool unit test. */
export interface PromtoolInputSeries {
  readonly series: string;
  readonly values: string;
}

/**
 * For tests: the text of a promtool unit-test file over one rule file, with one test group on
 * the 15 s grid (`interval` and `evaluation_interval` 15s) of these series and alert checks.
 *
 * @example
 * promtoolTestFile("rules.yml", [{ series: 'up{job="a"}', values: "0x10" }], [
 *   { eval_time: "5m", alertname: "Down", exp_alerts: [{ exp_labels: { job: "a" } }] },
 * ]);
 */
export function promtoolTestFile(
  ruleFile: string,
  inputSeries: readonly PromtoolInputSeries[],
  checks: readonly object[],
): string {
  return stringify({
    rule_files: [ruleFile],
    evaluation_interval: "15s",
    tests: [{ interval: "15s", input_series: inputSeries, alert_rule_test: checks }],
  });
}
