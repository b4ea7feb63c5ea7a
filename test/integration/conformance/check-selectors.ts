import path from "node:path";
import { expect } from "vitest";
import type { PrometheusClient } from "../../../harness/observe/prometheus-client.ts";
import { repoRoot } from "../../../harness/tools/tools.ts";
import { selectorsOf } from "../selectors.ts";
import { catalogues } from "./fleet-catalogues.ts";

/** Every selector of every expression matches a series the fleet emits (or a documented label value). */
export async function checkSelectors(
  prometheus: PrometheusClient,
  exprs: readonly { file: string; rule: string; expr: string }[],
  recorded: Set<string>,
): Promise<void> {
  const allMetrics = [...catalogues.values()].flatMap((c) => c.metrics);
  for (const { file, rule, expr } of exprs) {
    for (const selector of selectorsOf(expr)) {
      const where = `${path.relative(repoRoot, file)} ${rule}: ${selector.text}`;
      if (recorded.has(selector.metric)) continue;
      if (selector.metric === "") {
        // A selector by __name__ matchers: it must match some series as written.
        const matched = await prometheus.query(`count by (__name__) (${selector.text})`);
        expect(matched.length, `${where}: matches nothing`).toBeGreaterThan(0);
        continue;
      }
      const series = await prometheus.query(
        `count by (__name__) ({__name__="${selector.metric}"})`,
      );
      expect(series.length, `${where}: no series named ${selector.metric}`).toBeGreaterThan(0);
      const metric = allMetrics.find(
        (m) => m.name === selector.metric.replace(/_(bucket|sum|count)$/, ""),
      );
      for (const matcher of selector.matchers) {
        const declared = metric?.labelValues?.[matcher.label];
        if (matcher.op === "=" && declared?.includes(matcher.value)) continue;
        // Otherwise some series must carry the label (and, for "=", the value) right now.
        const probe =
          matcher.op === "="
            ? `count(${selector.metric}{${matcher.label}="${matcher.value}"})`
            : `count(${selector.metric}{${matcher.label}!=""})`;
        const found = await prometheus.query(probe);
        expect(
          found.length,
          `${where}: nothing matches ${matcher.label}${matcher.op}"${matcher.value}"`,
        ).toBeGreaterThan(0);
      }
    }
  }
}
