import type { SyntaxNode } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";
import { parseDuration } from "../time/index.ts";
import type { IndexedMetric } from "./catalogue-index.ts";

/** One problem of a PromQL expression, at a character offset in it. */
export interface ExprProblem {
  readonly offset: number;
  readonly message: string;
}

/** What lintExpr checks an expression against. */
export interface LintExprContext {
  readonly metrics: ReadonlyMap<string, IndexedMetric>;
  /** Series the rule files record: they exist, their labels are not catalogued. */
  readonly recorded: ReadonlySet<string>;
  /** The scrape interval in seconds (fleet time). */
  readonly scrapeSeconds: number;
}

const COUNTER_FUNCTIONS = new Set(["rate", "irate", "increase"]);

// Children of a node, in order.
function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

/**
 * Checks one PromQL expression with Prometheus' own grammar (@prometheus-io/lezer-promql):
 * every selector's metric, label and label value against the catalogues (pint's
 * promql/series), ranges shorter than two scrape intervals (promql/range_query), and
 * rate/irate/increase over a gauge (promql/rate).
 * @example lintExpr('rate(up[5m])', { metrics, recorded: new Set(), scrapeSeconds: 15 })
 */
export function lintExpr(expr: string, context: LintExprContext): ExprProblem[] {
  const problems: ExprProblem[] = [];
  const tree = parser.parse(expr);
  let broken = false;
  tree.iterate({
    enter: (ref) => {
      if (ref.type.isError && !broken) {
        broken = true;
        problems.push({
          offset: ref.from,
          message: `could not parse the expression at character ${ref.from + 1}`,
        });
      }
    },
  });
  if (broken) return problems;
  const visit = (node: SyntaxNode) => {
    if (node.name === "VectorSelector") checkSelector(node, expr, context, problems);
    if (node.name === "MatrixSelector") checkRange(node, expr, context, problems);
    if (node.name === "FunctionCall") checkRate(node, expr, context, problems);
    for (const child of children(node)) visit(child);
  };
  visit(tree.topNode);
  return problems;
}

// The metric name of a vector selector, if it names one.
function metricName(selector: SyntaxNode, expr: string): string | undefined {
  const id = selector.getChild("Identifier");
  return id ? expr.slice(id.from, id.to) : undefined;
}

// Metric, label and label value of a selector against the catalogues.
function checkSelector(
  node: SyntaxNode,
  expr: string,
  context: LintExprContext,
  problems: ExprProblem[],
): void {
  const name = metricName(node, expr);
  if (name === undefined || context.recorded.has(name) || name.startsWith("ALERTS")) return;
  const metric = context.metrics.get(name);
  if (!metric) {
    problems.push({ offset: node.from, message: `metric ${name} is in no catalogue of the fleet` });
    return;
  }
  const matchers = node.getChild("LabelMatchers");
  for (const matcher of matchers ? children(matchers) : []) {
    const labelNode = matcher.getChild("LabelName");
    const op = matcher.getChild("MatchOp");
    const valueNode = matcher.getChild("StringLiteral");
    if (!labelNode || !op || !valueNode) continue;
    const label = expr.slice(labelNode.from, labelNode.to);
    const value = JSON.parse(
      expr.slice(valueNode.from, valueNode.to).replace(/^'|'$/g, '"').replace(/^`|`$/g, '"'),
    ) as string;
    if (!metric.labels.has(label)) {
      problems.push({
        offset: matcher.from,
        message: `${name} has no label ${label} (it has ${[...metric.labels].sort().join(", ")})`,
      });
      continue;
    }
    const values = metric.values.get(label);
    const opText = expr.slice(op.from, op.to);
    if (!values || (opText !== "=" && opText !== "=~")) continue;
    const possible =
      opText === "="
        ? values.includes(value)
        : values.some((v) => new RegExp(`^(?:${value})$`).test(v));
    if (!possible) {
      problems.push({
        offset: matcher.from,
        message: `${name}{${label}${opText}${JSON.stringify(value)}} matches no value ${label} takes (${values.join(", ")})`,
      });
    }
  }
}

// A range selector needs at least two samples: two scrape intervals.
function checkRange(
  node: SyntaxNode,
  expr: string,
  context: LintExprContext,
  problems: ExprProblem[],
): void {
  const duration = node.getChild("DurationExpr");
  if (!duration) return;
  const text = expr.slice(duration.from, duration.to);
  let seconds: number;
  try {
    seconds = parseDuration(text) / 1000;
  } catch {
    return;
  }
  if (seconds < 2 * context.scrapeSeconds) {
    problems.push({
      offset: node.from,
      message: `range [${text}] is shorter than two scrape intervals (2 × ${context.scrapeSeconds}s): it holds at most one sample`,
    });
  }
}

// rate, irate and increase assume a counter; over a gauge they read every dip as a reset.
function checkRate(
  node: SyntaxNode,
  expr: string,
  context: LintExprContext,
  problems: ExprProblem[],
): void {
  const id = node.getChild("FunctionIdentifier");
  const fn = id ? expr.slice(id.from, id.to) : "";
  if (!COUNTER_FUNCTIONS.has(fn)) return;
  const body = node.getChild("FunctionCallBody");
  const matrix = body?.getChild("MatrixSelector");
  const selector = matrix?.getChild("VectorSelector");
  const name = selector ? metricName(selector, expr) : undefined;
  const metric = name ? context.metrics.get(name) : undefined;
  if (metric?.type === "gauge") {
    problems.push({
      offset: node.from,
      message: `${fn}() over ${name}, a gauge: ${fn} is for counters. Use ${fn === "increase" ? "delta()" : "deriv()"} for a gauge`,
    });
  }
}
