import { stringify } from "yaml";
import { formatDuration } from "../time/index.ts";
import type { AlertCheck } from "./choose-alert-checks.ts";
import { type InputSeries, seriesText } from "./record-input-series.ts";

/** What one exported promtool unit-test file holds. */
export interface PromtoolTestFile {
  /** Comment lines at the top: where the file came from, how to run and regenerate it. */
  readonly header: readonly string[];
  /** Rule files, relative to the test file. */
  readonly ruleFiles: readonly string[];
  readonly evaluationIntervalSeconds: number;
  readonly name: string;
  readonly intervalSeconds: number;
  readonly series: readonly InputSeries[];
  readonly checks: readonly AlertCheck[];
  /** Annotations of each firing instance, by check index then instance index. */
  readonly annotations?: readonly (readonly Readonly<Record<string, string>>[])[];
}

// A value list in promtool's notation, runs of one value folded: `1x3` is 1 1 1 1, `_x2` two gaps.
function valuesText(values: InputSeries["values"]): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j + 1 < values.length && Object.is(values[j + 1], values[i])) j++;
    const run = j - i + 1;
    const value = values[i]!;
    const text = value === null ? "_" : value === "stale" ? "stale" : numberText(value);
    if (value === null) parts.push(run > 1 ? `_x${run}` : "_");
    else if (run >= 3) parts.push(`${text}x${run - 1}`);
    else parts.push(...new Array<string>(run).fill(text));
    i = j + 1;
  }
  return parts.join(" ");
}

function numberText(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}

/** Renders a promtool unit-test file (`promtool test rules <file>`). */
export function renderPromtoolTest(file: PromtoolTestFile): string {
  const doc = {
    rule_files: [...file.ruleFiles],
    evaluation_interval: formatDuration(file.evaluationIntervalSeconds * 1000),
    tests: [
      {
        name: file.name,
        interval: formatDuration(file.intervalSeconds * 1000),
        input_series: file.series.map((s) => ({
          series: seriesText(s),
          values: valuesText(s.values),
        })),
        alert_rule_test: file.checks.map((check, i) => ({
          eval_time: formatDuration(check.evalSeconds * 1000),
          alertname: check.alertname,
          exp_alerts: check.firing.map((labels, j) => {
            const { alertname: _name, ...exp_labels } = labels;
            const exp_annotations = file.annotations?.[i]?.[j];
            return exp_annotations && Object.keys(exp_annotations).length > 0
              ? { exp_labels, exp_annotations }
              : { exp_labels };
          }),
        })),
      },
    ],
  };
  const header = file.header.map((line) => `# ${line}`.trimEnd()).join("\n");
  return `${header}\n${stringify(doc, { lineWidth: 0 })}`;
}
