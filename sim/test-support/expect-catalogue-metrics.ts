import { expect } from "vitest";
import type { CatalogueMetric } from "../core/catalogue.ts";
import type { ExpositionFamily } from "./parse-exposition.ts";

/**
 * Asserts that a scrape exposes exactly the `expected` catalogue metrics: the same names, each
 * with its type and help, at least one sample, the catalogue's label names (a bucket's `le`
 * aside) and, where the catalogue fixes them, its label values. `scope` names the scrape in a
 * failure (e.g. the node id).
 */
export function expectCatalogueMetrics(
  families: ReadonlyMap<string, ExpositionFamily>,
  expected: readonly CatalogueMetric[],
  scope?: string,
): void {
  expect([...families.keys()].sort(), scope).toEqual(expected.map((m) => m.name).sort());
  for (const metric of expected) {
    const family = families.get(metric.name);
    expect(family?.type, metric.name).toBe(metric.type);
    expect(family?.help, metric.name).toBe(metric.help);
    expect(family?.samples.length, metric.name).toBeGreaterThan(0);
    for (const sample of family?.samples ?? []) {
      const names = Object.keys(sample.labels).filter(
        (l) => !(sample.name.endsWith("_bucket") && l === "le"),
      );
      expect(names.sort(), sample.name).toEqual([...metric.labels].sort());
      for (const [label, allowed] of Object.entries(metric.labelValues ?? {})) {
        expect(allowed, `${sample.name} ${label}`).toContain(sample.labels[label]);
      }
    }
  }
}
