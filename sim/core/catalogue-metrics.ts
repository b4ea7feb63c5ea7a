import type { Registry } from "prom-client";
import type { CatalogueRegistry, CatalogueRegistryOptions } from "./catalogue-registry.ts";
import { readCatalogue } from "./read-catalogue.ts";
import { registryFromCatalogue } from "./registry-from-catalogue.ts";

/**
 * One node's metrics, built from its system's catalogue on the node's own Registry: a system's
 * metrics class extends it with its typed handles (`byName.counter<L>(name)`) and says which
 * series a start creates at 0, so a rate over an error series is 0, not absent.
 *
 * @example
 * class KvMetrics extends CatalogueMetrics {
 *   readonly blocks = this.byName.gauge<"tier">("cgn_kvcached_blocks");
 *   constructor() { super("cognitora", { include: (m) => m.binary === "cgn-kvcached" }, (m) => m.zero("cgn_kvcached_blocks")); }
 * }
 */
export abstract class CatalogueMetrics {
  readonly registry: Registry;
  protected readonly byName: CatalogueRegistry;
  // Creates the start's series at 0 (`byName.zero(...)`), from what the subclass was built with.
  readonly #zero: (byName: CatalogueRegistry) => void;

  constructor(
    system: string,
    options: CatalogueRegistryOptions,
    zero: (byName: CatalogueRegistry) => void,
  ) {
    this.byName = registryFromCatalogue(readCatalogue(system), options);
    this.registry = this.byName.registry;
    this.#zero = zero;
    this.initialize();
  }

  /** Resets every series and creates the start's series at 0, as after a process (re)start. */
  initialize(): void {
    this.registry.resetMetrics();
    this.#zero(this.byName);
  }
}
