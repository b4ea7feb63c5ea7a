import { isMap, isSeq, parseDocument, type YAMLMap } from "yaml";
import { InputError } from "../errors.ts";
import { findComparisons } from "../promql/find-comparisons.ts";
import type { AlertRuleShape } from "../result/index.ts";

// The rule of `alert` in a plain rule file's text, and where it is.
function findRule(text: string, alert: string) {
  const doc = parseDocument(text);
  const groups = doc.get("groups");
  for (const [g, group] of (isSeq(groups) ? groups.items : []).entries()) {
    const rules = isMap(group) ? group.get("rules") : undefined;
    for (const [r, rule] of (isSeq(rules) ? rules.items : []).entries()) {
      if (isMap(rule) && (rule as YAMLMap).get("alert") === alert) return { doc, g, r, rule };
    }
  }
  return undefined;
}

function firstThreshold(expr: string) {
  return findComparisons(expr).find((c) => c.ordering && c.right.node === "NumberDurationLiteral");
}

/** What the alert's rule in this rule file's text says now; undefined when the file lacks it. */
export function readAlertRuleShape(text: string, alert: string): AlertRuleShape | undefined {
  const found = findRule(text, alert);
  if (!found) return undefined;
  const expr = String(found.rule.get("expr")).trim();
  const comparison = firstThreshold(expr);
  return {
    ...(comparison
      ? {
          threshold: {
            op: comparison.op,
            value: Number(comparison.right.text),
            left: comparison.left.text,
          },
        }
      : {}),
    for: String(found.rule.get("for") ?? "0s"),
  };
}

/**
 * The rule file's text with `alert`'s threshold (the first number an ordering comparison of its
 * expression tests against, found with Prometheus' grammar) and/or its `for` replaced; every
 * other rule, comment and line as it was.
 */
export function editAlertRule(
  text: string,
  alert: string,
  change: { readonly threshold?: number; readonly for?: string },
  file: string,
): string {
  const found = findRule(text, alert);
  if (!found) throw new InputError(`firedrill tune: ${file} has no alerting rule ${alert}.`);
  const { doc, g, r, rule } = found;
  if (change.threshold !== undefined) {
    const expr = String(rule.get("expr")).trim();
    const comparison = firstThreshold(expr);
    if (!comparison) {
      throw new InputError(
        `firedrill tune: ${alert} (${file}) compares against no number (\`${expr}\`): --threshold has nothing to move. Tune its --for instead.`,
      );
    }
    const edited = `${expr.slice(0, comparison.right.from)}${change.threshold}${expr.slice(comparison.right.to)}`;
    doc.setIn(["groups", g, "rules", r, "expr"], edited);
  }
  if (change.for !== undefined) doc.setIn(["groups", g, "rules", r, "for"], change.for);
  return doc.toString({ lineWidth: 0 });
}
