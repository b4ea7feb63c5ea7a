import type { SyntaxNode } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";
import type { RuleSource } from "../rules/index.ts";

/**
 * The selectors whose series a promtool test must feed so that these rules evaluate as they did
 * in a drill: every vector selector of every rule, reduced to its metric name (all of that
 * metric's series are recorded, whatever the matchers), or to its matchers when it names no
 * metric. Series the rules record themselves, and Prometheus' ALERTS series, are left out:
 * promtool computes them.
 * @example ruleInputSelectors(sources) // ['{__name__="cgn_agent_engine_ready"}', …]
 */
export function ruleInputSelectors(sources: readonly RuleSource[]): string[] {
  const rules = sources.flatMap((s) => s.groups.flatMap((g) => g.rules));
  const recorded = new Set(rules.filter((r) => r.kind === "record").map((r) => r.name));
  const selectors = new Set<string>();
  for (const rule of rules) {
    const expr = rule.expr;
    const visit = (node: SyntaxNode) => {
      if (node.name === "VectorSelector") {
        const id = node.getChild("Identifier");
        const name = id ? expr.slice(id.from, id.to) : undefined;
        if (name === undefined) {
          const matchers = node.getChild("LabelMatchers");
          if (matchers) selectors.add(expr.slice(matchers.from, matchers.to));
        } else if (!recorded.has(name) && name !== "ALERTS" && name !== "ALERTS_FOR_STATE") {
          selectors.add(`{__name__=${JSON.stringify(name)}}`);
        }
      }
      for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    };
    visit(parser.parse(expr).topNode);
  }
  return [...selectors].sort();
}
