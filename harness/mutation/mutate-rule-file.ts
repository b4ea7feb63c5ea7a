import { isMap, isSeq, parseDocument, type YAMLMap } from "yaml";
import { findComparisons } from "../promql/find-comparisons.ts";
import { formatSeconds } from "../result/index.ts";
import { parseDuration } from "../time/index.ts";

/**
 * How a rule is broken: deleted; one threshold moved tenfold the way that makes it fire less;
 * its `for` three times longer, a third as long, or removed. How a route is broken
 * (mutate-alertmanager-config.ts): its group_wait eight times longer, or its receiver swapped.
 */
export type MutationKind =
  | "deleted"
  | "threshold-x10"
  | "for-x3"
  | "for-div3"
  | "for-removed"
  | "group-wait-x8"
  | "receiver-swapped";

/** Every kind, in the order mutants of one alert are made. */
export const MUTATION_KINDS: readonly MutationKind[] = [
  "deleted",
  "threshold-x10",
  "for-x3",
  "for-div3",
  "for-removed",
  "group-wait-x8",
  "receiver-swapped",
];

/** One broken rule file (or Alertmanager config): which alert (or receiver), how, and the file's new text. */
export interface Mutant {
  /** Unique within a rule file: `Alert/deleted`, `Alert/threshold-x10`, `Alert/threshold-x10#2`. */
  readonly id: string;
  readonly alert: string;
  readonly kind: MutationKind;
  /** What changed, for messages: `> 0.5` → `> 5`. */
  readonly change: string;
  readonly text: string;
}

/** A comparison's right-hand side and what to put there so the alert fires less. */
export interface Threshold {
  readonly from: number;
  readonly to: number;
  readonly op: string;
  /** The right-hand side as written. */
  readonly text: string;
  /** The replacement: the number ×10 or ÷10, or `(expr) * 10` / `(expr) / 10`. */
  readonly harder: string;
}

/** Ten times a number, without binary noise: 0.3 / 10 is 0.03, not 0.030000000000000002. */
function tenfold(value: number, up: boolean): string {
  return String(Number((up ? value * 10 : value / 10).toPrecision(12)));
}

/**
 * The thresholds of an alert's expression, found with Prometheus' own grammar: the right side of
 * every ordering comparison (`>`, `>=`, `<`, `<=`, without `bool`) reached from the top through
 * parentheses and the set operators `and`, `or`, `unless` — so both sides of `a < 0.99 or a > 1.01`
 * count. A literal 0 is no threshold (ten times zero is zero: only deletion breaks `rate(x) > 0`),
 * and neither is `==`/`!=`, which a tenfold move does not make fire less.
 */
export function findThresholds(expr: string): Threshold[] {
  return findComparisons(expr).flatMap(({ op, ordering, right }) => {
    if (!ordering) return [];
    const up = op === ">" || op === ">=";
    let harder: string;
    if (right.node === "NumberDurationLiteral") {
      const value = Number(right.text);
      if (!Number.isFinite(value) || value === 0) return [];
      harder = tenfold(value, up);
    } else {
      harder = `(${right.text}) ${up ? "*" : "/"} 10`;
    }
    return [{ from: right.from, to: right.to, op, text: right.text, harder }];
  });
}

/**
 * The `for` mutants of a rule whose `for` is `seconds`: ×3, ÷3 and removed. At an evaluation
 * interval of `evaluation` seconds Prometheus fires at the first evaluation at least `for` after
 * pending, so a `for` that rounds up to the same number of evaluations is the same rule, not a
 * mutant: it is left out (e.g. 15s ÷ 3 at 15 s).
 */
export function forMutations(
  seconds: number,
  evaluation: number,
): { kind: MutationKind; to: number | undefined }[] {
  if (seconds <= 0) return [];
  const steps = (s: number) => Math.ceil(s / evaluation);
  const out: { kind: MutationKind; to: number | undefined }[] = [
    { kind: "for-x3", to: seconds * 3 },
  ];
  const third = Math.round(seconds / 3);
  if (steps(third) !== steps(seconds)) out.push({ kind: "for-div3", to: third });
  out.push({ kind: "for-removed", to: undefined });
  return out;
}

/**
 * Every mutant of a rule file: each alert deleted; each of its thresholds in turn moved tenfold
 * in the direction that makes it fire less (`>`: ×10, `<`: ÷10); and its `for` ×3, ÷3 and
 * removed (forMutations, at an evaluation interval of `evaluationSeconds`).
 */
export function mutateRuleFile(text: string, evaluationSeconds = 15): Mutant[] {
  const doc = parseDocument(text);
  const mutants: Mutant[] = [];
  const groups = doc.get("groups");
  if (!isSeq(groups)) return mutants;
  groups.items.forEach((group, g) => {
    const rules = isMap(group) ? group.get("rules") : undefined;
    if (!isSeq(rules)) return;
    rules.items.forEach((rule, r) => {
      if (!isMap(rule)) return;
      const alert = (rule as YAMLMap).get("alert");
      if (typeof alert !== "string") return;
      const deleted = doc.clone();
      (deleted.getIn(["groups", g, "rules"]) as { delete(i: number): void }).delete(r);
      mutants.push({
        id: `${alert}/deleted`,
        alert,
        kind: "deleted",
        change: "rule deleted",
        text: deleted.toString(),
      });
      const expr = String((rule as YAMLMap).get("expr")).trim();
      const thresholds = findThresholds(expr);
      thresholds.forEach((threshold, i) => {
        const mutated = `${expr.slice(0, threshold.from)}${threshold.harder}${expr.slice(threshold.to)}`;
        const moved = doc.clone();
        moved.setIn(["groups", g, "rules", r, "expr"], mutated);
        mutants.push({
          id: `${alert}/threshold-x10${i > 0 ? `#${i + 1}` : ""}`,
          alert,
          kind: "threshold-x10",
          change: `${threshold.op} ${threshold.text} → ${threshold.op} ${threshold.harder}`,
          text: moved.toString(),
        });
      });
      const written = (rule as YAMLMap).get("for");
      const seconds = typeof written === "string" ? parseDuration(written) / 1000 : 0;
      for (const { kind, to } of forMutations(seconds, evaluationSeconds)) {
        const changed = doc.clone();
        if (to === undefined) changed.deleteIn(["groups", g, "rules", r, "for"]);
        else changed.setIn(["groups", g, "rules", r, "for"], formatSeconds(to));
        mutants.push({
          id: `${alert}/${kind}`,
          alert,
          kind,
          change: `for: ${written} → ${to === undefined ? "no for" : `for: ${formatSeconds(to)}`}`,
          text: changed.toString(),
        });
      }
    });
  });
  return mutants;
}
