import type { SyntaxNode } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";

/** One side of a comparison, as a slice of the expression. */
export interface ExprSlice {
  readonly from: number;
  readonly to: number;
  readonly text: string;
  /** The grammar's node name: "NumberDurationLiteral" for a plain number. */
  readonly node: string;
}

/** A filtering comparison of an alert's expression: `left op right`. */
export interface Comparison {
  /** The operator as written: ">", ">=", "<", "<=", "==", "!=". */
  readonly op: string;
  /** Whether it orders (`>`, `>=`, `<`, `<=`) rather than tests equality. */
  readonly ordering: boolean;
  readonly left: ExprSlice;
  readonly right: ExprSlice;
}

const SET_OPERATORS = new Set(["And", "Or", "Unless"]);
const ORDERINGS = new Set(["Gtr", "Gte", "Lss", "Lte"]);
const EQUALITIES = new Set(["Eql", "Neq"]);

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

/**
 * The comparisons that decide whether an alert's expression returns anything, found with
 * Prometheus' own grammar: every comparison without `bool` reached from the top through
 * parentheses and the set operators `and`, `or`, `unless` — so `a < 0.99 or a > 1.01` has two.
 * Comparisons inside functions or arithmetic compute values and are not among them.
 */
export function findComparisons(expr: string): Comparison[] {
  const found: Comparison[] = [];
  const slice = (node: SyntaxNode): ExprSlice => ({
    from: node.from,
    to: node.to,
    text: expr.slice(node.from, node.to),
    node: node.name,
  });
  const visit = (node: SyntaxNode | null) => {
    if (!node) return;
    if (node.name === "PromQL" || node.name === "ParenExpr") {
      for (const child of children(node)) visit(child);
      return;
    }
    if (node.name !== "BinaryExpr") return;
    const parts = children(node);
    const op = parts.find(
      (c) => SET_OPERATORS.has(c.name) || ORDERINGS.has(c.name) || EQUALITIES.has(c.name),
    );
    if (!op) return;
    if (SET_OPERATORS.has(op.name)) {
      visit(parts[0] ?? null);
      visit(parts.at(-1) ?? null);
      return;
    }
    if (parts.some((c) => c.name === "BoolModifier")) return;
    const left = parts[0];
    const right = parts.at(-1);
    if (!left || !right || left === op) return;
    found.push({
      op: expr.slice(op.from, op.to),
      ordering: ORDERINGS.has(op.name),
      left: slice(left),
      right: slice(right),
    });
  };
  visit(parser.parse(expr).topNode);
  return found;
}
