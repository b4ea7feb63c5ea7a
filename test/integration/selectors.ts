import { parser } from "@prometheus-io/lezer-promql";

/** One label matcher of a vector selector. */
export interface Matcher {
  readonly label: string;
  readonly op: "=" | "!=" | "=~" | "!~";
  readonly value: string;
}

/** A vector selector found in a PromQL expression. */
export interface Selector {
  readonly text: string;
  readonly metric: string;
  readonly matchers: readonly Matcher[];
}

/** Every vector selector of a PromQL expression, found by Prometheus' own grammar. */
export function selectorsOf(expr: string): Selector[] {
  const found: Selector[] = [];
  const tree = parser.parse(expr);
  tree.iterate({
    enter: (node) => {
      if (node.name !== "VectorSelector") return;
      const text = expr.slice(node.from, node.to);
      let metric = "";
      const matchers: Matcher[] = [];
      const cursor = node.node.cursor();
      cursor.firstChild();
      do {
        if (cursor.name === "Identifier") metric = expr.slice(cursor.from, cursor.to);
      } while (cursor.nextSibling());
      node.node.toTree().iterate({
        enter: (inner) => {
          if (inner.name !== "UnquotedLabelMatcher") return;
          const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"$/.exec(
            expr.slice(node.from + inner.from, node.from + inner.to),
          );
          if (m) matchers.push({ label: m[1]!, op: m[2] as Matcher["op"], value: m[3]! });
        },
      });
      found.push({ text, metric, matchers });
    },
  });
  return found;
}
