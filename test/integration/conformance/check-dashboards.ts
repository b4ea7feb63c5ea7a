import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { parse as parseYaml } from "yaml";
import type { PrometheusClient } from "../../../harness/observe/prometheus-client.ts";
import { repoRoot } from "../../../harness/tools/tools.ts";
import { checkSelectors } from "./check-selectors.ts";
import { exprsIn } from "./exprs-in.ts";
import { SYSTEMS } from "./fleet-catalogues.ts";

/** The dashboards' panels and the documents' example queries evaluate in Prometheus, on the fleet's series. */
export async function checkDashboards(
  prometheus: PrometheusClient,
  recorded: Set<string>,
): Promise<void> {
  const exprs = SYSTEMS.flatMap((system) =>
    ["dashboard.json", "queries.yml"].flatMap((name) => {
      const file = path.join(repoRoot, "fixtures", system, name);
      if (!existsSync(file)) return [];
      const text = readFileSync(file, "utf8");
      return exprsIn(name.endsWith(".json") ? JSON.parse(text) : parseYaml(text), file);
    }),
  );
  expect(exprs.length).toBeGreaterThan(10);
  for (const { file, rule, expr } of exprs) {
    // A query Prometheus 2.42 rejects throws here, naming itself.
    await prometheus.query(expr).catch((error: Error) => {
      throw new Error(`${path.relative(repoRoot, file)} "${rule}": ${error.message}`);
    });
  }
  await checkSelectors(prometheus, exprs, recorded);
}
