import { isMap, isScalar, isSeq, type YAMLMap } from "yaml";
import { InputError } from "../errors.ts";
import { parseYamlFile } from "../text/parse-yaml-file.ts";
import { assertSpeed } from "./assert-speed.ts";
import { parseDuration } from "./parse-duration.ts";
import { rewriteExpr } from "./rewrite-expr.ts";
import { scaleDuration } from "./scale-duration.ts";
import { staleAfterLookback } from "./stale-after-lookback.ts";

/** What scalePromtoolTest needs. */
export interface ScalePromtoolTestOptions {
  readonly speed: number;
  /** The test file's name, for error messages. */
  readonly file: string;
  /** The rewritten rule files the compressed test should load instead of rule_files. */
  readonly ruleFiles?: readonly string[];
}

/**
 * Compresses a promtool unit-test file (`promtool test rules`) written in fleet time, so that it
 * tests rules rewritten for `speed`: evaluation_interval, each test's input interval and every
 * eval_time divided by the speed, promql_expr_test exprs rewritten. Input values stay: a sample
 * carries the same value, only sooner. Expected alerts stay: the verdict must not change.
 * promtool's own 5m lookback is not compressed, so a series whose `_` gap outlasts the 1x
 * lookback gets a `stale` marker where the 1x lookback would have ended it.
 * @example scalePromtoolTest(text, { speed: 30, file: "rules.test.yml", ruleFiles: ["/run/rules.yml"] })
 */
export function scalePromtoolTest(yamlText: string, options: ScalePromtoolTestOptions): string {
  const { speed, file } = options;
  assertSpeed(speed);
  const doc = parseYamlFile(yamlText, file);
  const root = doc.contents;
  const tests = isMap(root) ? root.get("tests", true) : undefined;
  if (!isMap(root) || !isSeq(tests)) {
    throw new InputError(
      `Failed to read ${file}: it has no "tests" list. A promtool test file needs rule_files and tests.`,
      { file },
    );
  }
  if (options.ruleFiles !== undefined) doc.set("rule_files", [...options.ruleFiles]);
  // promtool's defaults: evaluation_interval 1m, and each test's interval that evaluation_interval.
  const evaluationInterval = String(doc.get("evaluation_interval") ?? "1m");
  doc.set(
    "evaluation_interval",
    scaleDuration(evaluationInterval, speed, `${file}: evaluation_interval`),
  );
  let staled = false;
  for (const [t, test] of tests.items.entries()) {
    if (!isMap(test)) continue;
    const where = `${file}: tests[${t}]`;
    const interval = String(test.get("interval") ?? evaluationInterval);
    test.set("interval", scaleDuration(interval, speed, `${where}.interval`));
    const series = test.get("input_series", true);
    for (const item of speed === 1 || !isSeq(series) ? [] : series.items) {
      const values = isMap(item) ? item.get("values", true) : undefined;
      if (!isScalar(values) || values.value === null) continue;
      const marked = staleAfterLookback(String(values.value), parseDuration(interval, where));
      if (marked !== undefined) {
        values.value = marked;
        staled = true;
      }
    }
    for (const key of ["alert_rule_test", "promql_expr_test"]) {
      const cases = test.get(key, true);
      for (const [c, item] of (isSeq(cases) ? cases.items : []).entries()) {
        if (!isMap(item)) continue;
        scaleField(item, "eval_time", speed, `${where}.${key}[${c}].eval_time`);
        const expr = item.get("expr", true);
        if (isScalar(expr) && expr.value !== null) {
          expr.value = rewriteExpr(String(expr.value), speed, {
            file,
            rule: `${where}.${key}[${c}]`,
          });
        }
      }
    }
  }
  if (speed === 1) return yamlText;
  const header = ` Compressed by firedrill from ${file} for speed ${speed}: intervals and eval times divided by ${speed}${staled ? "; stale markers where the 1x lookback ends a series" : ""}.`;
  doc.commentBefore = doc.commentBefore ? `${header}\n${doc.commentBefore}` : header;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

// Divides a duration field in place when it is present.
function scaleField(map: YAMLMap, key: string, speed: number, where: string): void {
  const node = map.get(key, true);
  if (isScalar(node) && node.value !== null)
    node.value = scaleDuration(String(node.value), speed, where);
}
