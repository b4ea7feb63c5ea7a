import {
  type Catalogue,
  type CatalogueMetric,
  readCatalogue,
  systems,
} from "../../../sim/index.ts";

/** The fleet's catalogues, for the conformance checks: by system, with each system's jobs. */
export const SYSTEMS = systems.map((m) => m.name);
export const catalogues = new Map(SYSTEMS.map((s) => [s, readCatalogue(s)]));
export const jobsOf = (c: Catalogue) => (c.jobs ? Object.keys(c.jobs) : [c.job ?? c.system]);
/** Series Prometheus makes for every target itself. */
export const SYNTHETIC = new Set([
  "up",
  "scrape_duration_seconds",
  "scrape_samples_scraped",
  "scrape_samples_post_metric_relabeling",
  "scrape_series_added",
]);

/** A series name's catalogue metric: itself, or the histogram it is a _bucket/_sum/_count of. */
export function familyOf(catalogue: Catalogue, name: string): CatalogueMetric | undefined {
  const direct = catalogue.metrics.find((m) => m.name === name);
  if (direct) return direct;
  const base = name.replace(/_(bucket|sum|count)$/, "");
  return catalogue.metrics.find((m) => m.name === base && m.type === "histogram");
}
