import { parser } from "@prometheus-io/lezer-promql";
import { isMap, isSeq, parseDocument, type YAMLMap } from "yaml";

/** How a rule is broken: deleted, or its threshold moved tenfold the way that makes it fire less. */
export type MutationKind = "deleted" | "threshold-x10";

/** One broken rule file: which alert, how, and the file's new text. */
export interface Mutant {
  readonly alert: string;
  readonly kind: MutationKind;
  /** What changed, for messages: `> 0.5` → `> 5`. */
  readonly change: string;
  readonly text: string;
}

/**
 * The threshold of an alert's expression: the number on the right of its top-level comparison,
 * found with Prometheus' own grammar. Undefined when the expression has none or compares to 0
 * (ten times zero is zero: only deletion breaks `up == 0`).
 */
export function findThreshold(
  expr: string,
): { from: number; to: number; op: string; value: number } | undefined {
  const tree = parser.parse(expr);
  let found: { from: number; to: number; op: string; value: number } | undefined;
  // The outermost BinaryExpr whose operator is a comparison and whose right side is a number.
  tree.iterate({
    enter: (node) => {
      if (found || node.name !== "BinaryExpr") return;
      const children: { name: string; from: number; to: number }[] = [];
      const cursor = node.node.cursor();
      if (!cursor.firstChild()) return;
      do children.push({ name: cursor.name, from: cursor.from, to: cursor.to });
      while (cursor.nextSibling());
      const op = children.find((c) => ["Gtr", "Gte", "Lss", "Lte", "Eql", "Neq"].includes(c.name));
      const right = children.at(-1);
      if (!op || right?.name !== "NumberDurationLiteral") return;
      const value = Number(expr.slice(right.from, right.to));
      if (!Number.isFinite(value) || value === 0) return;
      found = { from: right.from, to: right.to, op: expr.slice(op.from, op.to), value };
    },
  });
  return found;
}

/**
 * Every mutant of a rule file: each alert deleted, and each alert with a non-zero threshold moved
 * tenfold in the direction that makes it fire less (`>`: ×10, `<`: ÷10).
 */
export function mutateRuleFile(text: string): Mutant[] {
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
      mutants.push({ alert, kind: "deleted", change: "rule deleted", text: deleted.toString() });
      const expr = String((rule as YAMLMap).get("expr"));
      const threshold = findThreshold(expr);
      if (!threshold) return;
      const harder = threshold.op.startsWith(">") ? threshold.value * 10 : threshold.value / 10;
      const mutated = `${expr.slice(0, threshold.from)}${harder}${expr.slice(threshold.to)}`;
      const moved = doc.clone();
      moved.setIn(["groups", g, "rules", r, "expr"], mutated);
      mutants.push({
        alert,
        kind: "threshold-x10",
        change: `${threshold.op} ${threshold.value} → ${threshold.op} ${harder}`,
        text: moved.toString(),
      });
    });
  });
  return mutants;
}
