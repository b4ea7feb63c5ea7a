import type { ExpositionFamily } from "./parse-exposition.ts";

/** One parsed scrape, as parseExposition returns it. */
type Scrape = ReadonlyMap<string, ExpositionFamily>;

/**
 * Sums the samples named `sample` whose labels include `labels`, over one scrape or several.
 * A histogram's `_bucket`, `_sum` and `_count` samples are looked up in their family.
 *
 * @example
 * sumSamples(families, "cosmictron_wal_fsync_duration_seconds_bucket", { le: "0.025" });
 */
export function sumSamples(
  scrapes: Scrape | readonly Scrape[],
  sample: string,
  labels: Readonly<Record<string, string>> = {},
): number {
  const family = sample.replace(/_(bucket|sum|count)$/, "");
  const all: readonly Scrape[] = Array.isArray(scrapes) ? scrapes : [scrapes as Scrape];
  return all
    .flatMap((f) => f.get(family)?.samples ?? f.get(sample)?.samples ?? [])
    .filter((s) => s.name === sample && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((total, s) => total + s.value, 0);
}
