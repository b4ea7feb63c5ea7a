import { readFile } from "node:fs/promises";
import path from "node:path";
import type { SyntaxNode } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";
import { readRuleText } from "../rules/index.ts";

/** The series behind one alerting rule: the left side of its comparison and the threshold. */
export interface AlertSeries {
  readonly alert: string;
  readonly system: string;
  /** The PromQL to chart (as Prometheus loaded it, so rewritten for the speed). */
  readonly query: string;
  /** The number it is compared with, when the right side is a number. */
  readonly threshold: number | null;
  readonly op: string | null;
}

const COMPARISONS = new Set(["Gtr", "Gte", "Lss", "Lte", "Eql", "Neq"]);

/** The first child node of `node` whose name is in `names`. */
function childNamed(node: SyntaxNode, names: Set<string>): SyntaxNode | null {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (names.has(child.name)) return child;
  }
  return null;
}

/**
 * Splits an alert expression at its top-level comparison, with Prometheus' own grammar: for
 * `rate(x[5m]) > 0.05` the chart shows `rate(x[5m])` with a line at 0.05. An expression without
 * one (or with a non-numeric right side) is charted whole, without a line.
 */
export function splitAlertExpr(expr: string): Pick<AlertSeries, "query" | "threshold" | "op"> {
  let node: SyntaxNode | null = parser.parse(expr).topNode.firstChild;
  while (node?.name === "ParenExpr") node = node.firstChild?.nextSibling ?? null;
  if (node?.name === "BinaryExpr") {
    const op = childNamed(node, COMPARISONS);
    const left = node.firstChild;
    const right = node.lastChild;
    if (op && left && right && right.name === "NumberDurationLiteral") {
      const threshold = Number(expr.slice(right.from, right.to));
      if (Number.isFinite(threshold)) {
        return { query: expr.slice(left.from, left.to), threshold, op: expr.slice(op.from, op.to) };
      }
    }
  }
  return { query: expr, threshold: null, op: null };
}

/**
 * Every alerting rule of the (already validated) rule files, split for charting. Each file is
 * read as Prometheus loaded it; its system is the rule's `system` label, else the folder of the
 * file as the user named it (fixtures/<system>/rules.yml).
 */
export async function readAlertSeries(
  files: readonly { readonly loaded: string; readonly original: string }[],
): Promise<AlertSeries[]> {
  const out: AlertSeries[] = [];
  for (const { loaded, original } of files) {
    const folder = path.basename(path.dirname(original));
    const { sources } = readRuleText(await readFile(loaded, "utf8"), loaded);
    for (const rule of sources.flatMap((source) => source.groups).flatMap((g) => g.rules)) {
      if (rule.kind !== "alert") continue;
      const system = rule.labels.system ?? folder;
      out.push({ alert: rule.name, system, ...splitAlertExpr(rule.expr) });
    }
  }
  return out;
}
