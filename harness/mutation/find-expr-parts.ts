import type { SyntaxNode } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";

/** A slice of an expression: where it stands and its text. */
export interface ExprPart {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/** A label matcher of an expression's selectors: `job="x"`, its operator and its quoted value. */
export interface LabelMatcherPart extends ExprPart {
  readonly label: string;
  readonly op: string;
  /** The value's string literal, quotes included. */
  readonly value: ExprPart;
}

/** What mutants change in an alert's expression, found with Prometheus' own grammar. */
export interface ExprParts {
  /** The range of every range vector selector (`x[5m]`) and subquery (`x[10m:1m]`). */
  readonly ranges: readonly ExprPart[];
  /** Every label matcher that selects (`=`, `=~`); `!=` and `!~` exclude. */
  readonly matchers: readonly LabelMatcherPart[];
}

const part = (expr: string, node: SyntaxNode): ExprPart => ({
  from: node.from,
  to: node.to,
  text: expr.slice(node.from, node.to),
});

/** The first child of `node` named `name`. */
function child(node: SyntaxNode, name: string): SyntaxNode | null {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name === name) return c;
  return null;
}

/**
 * The range windows and selecting label matchers of a PromQL expression, in the order they are
 * written. A subquery's step is not a window, and an `offset` is not one either.
 *
 * @example findExprParts('rate(x{job="a"}[5m])').ranges[0].text // "5m"
 */
export function findExprParts(expr: string): ExprParts {
  const ranges: ExprPart[] = [];
  const matchers: LabelMatcherPart[] = [];
  parser.parse(expr).iterate({
    enter: (ref) => {
      const node = ref.node;
      if (node.name === "MatrixSelector" || node.name === "SubqueryExpr") {
        // The first duration after the `[`: the range (a subquery's second is its step).
        const range =
          child(node, "DurationExpr") ?? child(node, "NumberDurationLiteralInDurationContext");
        if (range) ranges.push(part(expr, range));
      }
      if (node.name === "UnquotedLabelMatcher" || node.name === "QuotedLabelMatcher") {
        const label = child(node, "LabelName") ?? child(node, "QuotedLabelName");
        const op = child(node, "MatchOp");
        // The value is the string after the operator (a quoted name is a string too).
        let value = op?.nextSibling ?? null;
        while (value && value.name !== "StringLiteral") value = value.nextSibling;
        if (!label || !op || !value) return;
        const opText = expr.slice(op.from, op.to);
        if (opText !== "=" && opText !== "=~") return;
        matchers.push({
          ...part(expr, node),
          label: expr.slice(label.from, label.to),
          op: opText,
          value: part(expr, value),
        });
      }
    },
  });
  return { ranges, matchers };
}
