/**
 * How a system's fleet is shaped and scraped, without starting anything: the harness reads it to
 * name the nodes of a scenario's fleet, hand them to a sim host, and render Prometheus' scrape
 * jobs. Each system has one (sim/<system>/<system>-topology.ts).
 */

/** One node of a system's fleet, before it has a port. */
export interface TopologyNode {
  readonly id: string;
  /** The node's role within its system; absent for systems with one kind of node. */
  readonly role?: string;
}

/** A node with the loopback address it listens on (host:port). */
export interface PlacedNode extends TopologyNode {
  readonly address: string;
}

/** One Prometheus scrape job for a system's nodes. */
export interface TopologyScrapeJob {
  readonly job: string;
  /** Defaults to /metrics. */
  readonly metricsPath?: string;
  /** Whether Prometheus should keep the scraped job/instance labels (federation). */
  readonly honorLabels?: boolean;
  readonly targets: readonly {
    readonly address: string;
    /** Target labels Prometheus adds to every series (node, role, lattice, organism, ...). */
    readonly labels: Readonly<Record<string, string>>;
  }[];
}

/** Describes the knobs of a system's fleet shape, for errors and docs. */
export interface ShapeField<F extends string = string> {
  readonly name: F;
  readonly description: string;
  readonly min: number;
  readonly default: number;
}

/**
 * A system's topology: fleet shape → nodes, and nodes → scrape jobs. `F` are its shape fields,
 * `R` those a scenario's fleet must give (FleetShape types them as required), `S` the system's
 * name (its module takes its name from here).
 */
export interface SystemTopology<
  F extends string = string,
  R extends F = never,
  S extends string = string,
> {
  readonly system: S;
  /** The fleet-shape fields this system accepts, e.g. [{ name: "nodes", ... }]. */
  readonly shape: readonly ShapeField<F>[];
  /** The shape fields a scenario must give (its type says so; the host still has defaults). */
  readonly required?: readonly R[];
  /** Expands a fleet shape (fields as `shape` lists them) into nodes with stable ids. */
  nodes(shape: Readonly<Record<string, number>>): TopologyNode[];
  /** The scrape jobs Prometheus needs for these nodes. */
  scrapeJobs(nodes: readonly PlacedNode[]): TopologyScrapeJob[];
}
