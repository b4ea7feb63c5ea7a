import { readFileSync } from "node:fs";
import type { Catalogue } from "./catalogue.ts";

/** The repository's fixtures folder, where each system's catalogue lives. */
const FIXTURES = new URL("../../fixtures/", import.meta.url);

/** Catalogues already read, by system: they are fixtures, not input, so one read suffices. */
const cache = new Map<string, Catalogue>();

/**
 * The metric catalogue of a system, read from fixtures/<system>/catalogue.json.
 *
 * @example
 * readCatalogue("cosmictron").metrics.map((m) => m.name); // ["cosmictron_reducer_calls_total", ...]
 */
export function readCatalogue(system: string): Catalogue {
  let catalogue = cache.get(system);
  if (!catalogue) {
    const file = new URL(`${system}/catalogue.json`, FIXTURES);
    catalogue = JSON.parse(readFileSync(file, "utf8")) as Catalogue;
    cache.set(system, catalogue);
  }
  return catalogue;
}
