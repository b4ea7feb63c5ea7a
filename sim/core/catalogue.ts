/** One metric of a system's catalogue (fixtures/<system>/catalogue.json). */
export interface CatalogueMetric {
  readonly name: string;
  readonly type: "counter" | "gauge" | "histogram";
  readonly help: string;
  /** Every label of its series, target and exporter labels included. */
  readonly labels: readonly string[];
  /** The values a label takes, where the catalogue fixes them. */
  readonly labelValues?: Readonly<Record<string, readonly string[]>>;
  /** Cognitora: the binary that exposes it (cgn-router, ...). */
  readonly binary?: string;
  /** Lattice: the organisms whose members expose it, or "all". */
  readonly organisms?: readonly string[] | "all";
  readonly source?: string;
  readonly assumptions?: readonly string[];
  readonly reason?: string;
}

/**
 * A system's metric catalogue: what its nodes expose, as fixtures/<system>/catalogue.json
 * records it from the system's document. The sim builds its registries from it and the harness
 * checks rules and expositions against it.
 */
export interface Catalogue {
  readonly system: string;
  readonly document: string;
  readonly job?: string;
  /** Systems scraped by several jobs (cognitora): each job and what it scrapes. */
  readonly jobs?: Readonly<Record<string, string>>;
  readonly targetLabels?: Readonly<Record<string, string>>;
  /** Labels the exporter itself sets on every series (lattice). */
  readonly exporterLabels?: Readonly<Record<string, string>>;
  /** Labels a federating binary adds to the series it re-exposes (cognitora). */
  readonly federationLabels?: Readonly<Record<string, string>>;
  readonly metrics: readonly CatalogueMetric[];
}
