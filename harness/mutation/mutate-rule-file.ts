import { type Document, isMap, isSeq, parseDocument, type YAMLMap } from "yaml";
import { formatSeconds } from "../result/index.ts";
import { parseDuration } from "../time/index.ts";
import { type ExprPart, findExprParts } from "./find-expr-parts.ts";
import { findThresholds } from "./find-thresholds.ts";
import { misspellMatcher } from "./misspell-matcher.ts";
import type { MutationKind } from "./mutation-kind.ts";

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

/** `expr` with each part replaced by its replacement (parts in order, not overlapping). */
function replaceParts(expr: string, parts: readonly { part: ExprPart; by: string }[]): string {
  let out = "";
  let at = 0;
  for (const { part, by } of parts) {
    out += expr.slice(at, part.from) + by;
    at = part.to;
  }
  return out + expr.slice(at);
}

/** A range window three times as long: `5m` → `15m`; undefined when it is not a plain duration. */
function tripled(range: string): string | undefined {
  if (!/^(\d+(ms|[smhdwy]))+$/.test(range)) return undefined;
  return formatSeconds((parseDuration(range) / 1000) * 3);
}

/**
 * Each severity a rule file's alerts carry, in order of first use: a severity mutant moves an
 * alert to the next one (critical → warning, page → investigate), so that Alertmanager routes it
 * elsewhere; a file with one severity has its label removed instead.
 */
function severitiesOf(doc: Document): string[] {
  const seen: string[] = [];
  const groups = doc.get("groups");
  if (!isSeq(groups)) return seen;
  for (const group of groups.items) {
    const rules = isMap(group) ? group.get("rules") : undefined;
    if (!isSeq(rules)) continue;
    for (const rule of rules.items) {
      const labels = isMap(rule) ? rule.get("labels") : undefined;
      const severity = isMap(labels) ? labels.get("severity") : undefined;
      if (typeof severity === "string" && !seen.includes(severity)) seen.push(severity);
    }
  }
  return seen;
}

/**
 * Every mutant of a rule file, alert by alert: deleted; each threshold in turn moved tenfold the
 * way that fires less (`>`: ×10, `<`: ÷10) and the way that fires more; its `for` ×3, ÷3 and
 * removed (forMutations, at an evaluation interval of `evaluationSeconds`); every range window
 * ×3 at once; its severity changed (severitiesOf); and each selecting label matcher in turn
 * misspelled (misspellMatcher). MUTATION_KINDS says which drills can kill each.
 */
export function mutateRuleFile(text: string, evaluationSeconds = 15): Mutant[] {
  const doc = parseDocument(text);
  const mutants: Mutant[] = [];
  const groups = doc.get("groups");
  if (!isSeq(groups)) return mutants;
  const severities = severitiesOf(doc);
  groups.items.forEach((group, g) => {
    const rules = isMap(group) ? group.get("rules") : undefined;
    if (!isSeq(rules)) return;
    rules.items.forEach((rule, r) => {
      if (!isMap(rule)) return;
      const alert = (rule as YAMLMap).get("alert");
      if (typeof alert !== "string") return;
      const at = ["groups", g, "rules", r];
      const counts = new Map<MutationKind, number>();
      // One mutant: a copy of the file that `edit` changes.
      const add = (kind: MutationKind, change: string, edit: (copy: Document) => void) => {
        const n = (counts.get(kind) ?? 0) + 1;
        counts.set(kind, n);
        const copy = doc.clone();
        edit(copy);
        mutants.push({
          id: `${alert}/${kind}${n > 1 ? `#${n}` : ""}`,
          alert,
          kind,
          change,
          text: copy.toString(),
        });
      };
      add("deleted", "rule deleted", (copy) =>
        (copy.getIn(["groups", g, "rules"]) as { delete(i: number): void }).delete(r),
      );
      const expr = String((rule as YAMLMap).get("expr")).trim();
      const setExpr = (to: string) => (copy: Document) => copy.setIn([...at, "expr"], to);
      const thresholds = findThresholds(expr);
      for (const [kind, way] of [
        ["threshold-x10", "harder"],
        ["threshold-sensitive", "softer"],
      ] as const) {
        for (const t of thresholds) {
          add(
            kind,
            `${t.op} ${t.text} → ${t.op} ${t[way]}`,
            setExpr(replaceParts(expr, [{ part: t, by: t[way] }])),
          );
        }
      }
      const written = (rule as YAMLMap).get("for");
      const seconds = typeof written === "string" ? parseDuration(written) / 1000 : 0;
      for (const { kind, to } of forMutations(seconds, evaluationSeconds)) {
        add(
          kind,
          `for: ${written} → ${to === undefined ? "no for" : `for: ${formatSeconds(to)}`}`,
          (copy) => {
            if (to === undefined) copy.deleteIn([...at, "for"]);
            else copy.setIn([...at, "for"], formatSeconds(to));
          },
        );
      }
      const { ranges, matchers } = findExprParts(expr);
      const longer = ranges.flatMap((part) => {
        const by = tripled(part.text);
        return by ? [{ part, by }] : [];
      });
      if (longer.length > 0) {
        const change = longer.map(({ part, by }) => `[${part.text}] → [${by}]`);
        add("range-x3", [...new Set(change)].join(", "), setExpr(replaceParts(expr, longer)));
      }
      const labels = (rule as YAMLMap).get("labels");
      const severity = isMap(labels) ? labels.get("severity") : undefined;
      if (typeof severity === "string") {
        const next = severities[(severities.indexOf(severity) + 1) % severities.length];
        if (next !== undefined && next !== severity) {
          add("severity-changed", `severity: ${severity} → ${next}`, (copy) =>
            copy.setIn([...at, "labels", "severity"], next),
          );
        } else {
          add("severity-changed", `severity: ${severity} → no severity`, (copy) =>
            copy.deleteIn([...at, "labels", "severity"]),
          );
        }
      }
      for (const m of matchers) {
        const by = misspellMatcher(m);
        add(
          "matcher-changed",
          `${m.text} → ${m.label}${m.op}${by}`,
          setExpr(replaceParts(expr, [{ part: m.value, by }])),
        );
      }
    });
  });
  return mutants;
}
