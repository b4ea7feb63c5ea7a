import type { RuleSource } from "../rules/index.ts";
import { parseDuration } from "../time/index.ts";
import { type LintExprContext, lintExpr } from "./lint-expr.ts";
import type { DashboardQuery } from "./read-dashboard-queries.ts";

/** One finding of `firedrill lint`, printed as `file:line: rule NAME: message`. */
export interface LintProblem {
  readonly file: string;
  readonly line: number;
  /** `rule NAME` or `query NAME`. */
  readonly where: string;
  readonly message: string;
}

/** What lintFiles checks: the catalogued metrics and scrape interval are lintExpr's. */
export interface LintFilesOptions extends Pick<LintExprContext, "metrics" | "scrapeSeconds"> {
  readonly sources: readonly RuleSource[];
  readonly queries: readonly DashboardQuery[];
  /** The evaluation interval in seconds (fleet time). */
  readonly evaluationSeconds: number;
}

/**
 * Lints every rule and dashboard query: lintExpr on each expression (a problem on the line of
 * the selector when the expr is a block scalar), and each alert's `for` in the spirit of pint's
 * alerts/for: not a duration, an explicit `for: 0s`, or shorter than one evaluation interval.
 */
export function lintFiles(options: LintFilesOptions): LintProblem[] {
  const recorded = new Set(
    options.sources.flatMap((s) =>
      s.groups.flatMap((g) => g.rules.filter((r) => r.kind === "record").map((r) => r.name)),
    ),
  );
  const context = { metrics: options.metrics, recorded, scrapeSeconds: options.scrapeSeconds };
  const problems: LintProblem[] = [];
  for (const source of options.sources) {
    for (const group of source.groups) {
      for (const rule of group.rules) {
        const where = `rule ${rule.name}`;
        for (const problem of lintExpr(rule.expr, context)) {
          const line = rule.exprIsBlock
            ? rule.exprLine + rule.expr.slice(0, problem.offset).split("\n").length - 1
            : rule.exprLine;
          problems.push({ file: source.file, line, where, message: problem.message });
        }
        if (rule.kind !== "alert" || rule.for === undefined) continue;
        let seconds: number;
        try {
          seconds = parseDuration(rule.for) / 1000;
        } catch {
          problems.push({
            file: source.file,
            line: rule.line,
            where,
            message: `for: ${rule.for} is not a duration`,
          });
          continue;
        }
        if (seconds === 0) {
          problems.push({
            file: source.file,
            line: rule.line,
            where,
            message: `for: ${rule.for} is the default; remove it`,
          });
        } else if (seconds < options.evaluationSeconds) {
          problems.push({
            file: source.file,
            line: rule.line,
            where,
            message: `for: ${rule.for} is shorter than the evaluation interval (${options.evaluationSeconds}s): the alert fires at the first evaluation after it anyway`,
          });
        }
      }
    }
  }
  for (const query of options.queries) {
    for (const problem of lintExpr(query.expr, context)) {
      problems.push({
        file: query.file,
        line: query.line,
        where: `query ${query.name}`,
        message: problem.message,
      });
    }
  }
  return problems;
}
