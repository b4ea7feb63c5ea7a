import { readFileSync } from "node:fs";
import type { Catalogue } from "./catalogue.ts";

/**
 * The fixtures folder, where each system's catalogue lives: beside sim/ in a checkout, and at the
 * package root when this runs compiled as dist/sim/core/read-catalogue.js in an installed package.
 */
const compiled = new URL("../..", import.meta.url).pathname.replace(/\/$/, "").endsWith("/dist");
const FIXTURES = new URL(compiled ? "../../../fixtures/" : "../../fixtures/", import.meta.url);

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
