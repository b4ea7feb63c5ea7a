import { readCatalogueFile } from "./read-catalogue-file.ts";

/** What the fleet's catalogues say about one metric name (a histogram's _bucket/_sum/_count too). */
export interface IndexedMetric {
  readonly name: string;
  readonly system: string;
  readonly type: string;
  /** Every label a series of it can carry: its own, the scrape's target labels, job and instance. */
  readonly labels: ReadonlySet<string>;
  /** The values a label can take, where the catalogue lists them. */
  readonly values: ReadonlyMap<string, readonly string[]>;
}

// Series Prometheus writes itself for every target, and the alert series it keeps.
const SCRAPE_SERIES = [
  "up",
  "scrape_duration_seconds",
  "scrape_samples_scraped",
  "scrape_samples_post_metric_relabeling",
  "scrape_series_added",
];

/**
 * Reads the fleet's catalogues (fixtures/<system>/catalogue.json) into a lookup by metric name,
 * so that a selector can be checked against what the fleet can expose.
 * @example (await readCatalogues(files)).get("cgn_router_requests_total")?.values.get("outcome")
 */
export async function readCatalogues(
  files: readonly string[],
): Promise<Map<string, IndexedMetric>> {
  const index = new Map<string, IndexedMetric>();
  const scrapeLabels = new Set(["job", "instance"]);
  const jobs: string[] = [];
  for (const file of files) {
    const catalogue = await readCatalogueFile(file);
    const fileJobs = catalogue.jobs
      ? Object.keys(catalogue.jobs)
      : catalogue.job
        ? [catalogue.job]
        : [];
    jobs.push(...fileJobs);
    const common = [
      "job",
      "instance",
      ...Object.keys(catalogue.targetLabels ?? {}),
      ...Object.keys(catalogue.federationLabels ?? {}),
      ...Object.keys(catalogue.exporterLabels ?? {}),
    ];
    for (const label of common) scrapeLabels.add(label);
    for (const metric of catalogue.metrics) {
      const labels = new Set([...common, ...(metric.labels ?? [])]);
      const values = new Map<string, readonly string[]>(Object.entries(metric.labelValues ?? {}));
      if (fileJobs.length > 0) values.set("job", fileJobs);
      const add = (name: string, extra: string[] = []) =>
        index.set(name, {
          name,
          system: catalogue.system,
          type: metric.type,
          labels: new Set([...labels, ...extra]),
          values,
        });
      if (metric.type === "histogram") {
        add(`${metric.name}_bucket`, ["le"]);
        add(`${metric.name}_sum`);
        add(`${metric.name}_count`);
      } else add(metric.name);
    }
  }
  for (const name of SCRAPE_SERIES) {
    index.set(name, {
      name,
      system: "prometheus",
      type: "gauge",
      labels: scrapeLabels,
      values: new Map([["job", jobs]]),
    });
  }
  return index;
}
