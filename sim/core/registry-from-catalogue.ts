import type { Catalogue } from "./catalogue.ts";
import { CatalogueRegistry, type CatalogueRegistryOptions } from "./catalogue-registry.ts";

/**
 * Builds a node's registry from its system's catalogue.
 *
 * @example
 * const metrics = registryFromCatalogue(readCatalogue("cosmictron"), { omitLabels: ["node"], buckets: { default: [0.1, 1] } });
 * metrics.counter("cosmictron_wal_writes_total").inc();
 */
export function registryFromCatalogue(
  catalogue: Catalogue,
  options: CatalogueRegistryOptions,
): CatalogueRegistry {
  return new CatalogueRegistry(catalogue, options);
}
