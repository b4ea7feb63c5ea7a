import type { TopologyScrapeJob } from "../../sim/index.ts";
import { topologyRegistry } from "../../sim/index.ts";
import type { FleetShape } from "../scenario/types.ts";

/** One system of a scenario's fleet, its nodes placed on loopback ports. */
export interface PlannedSystem {
  readonly system: string;
  readonly nodes: readonly { id: string; role?: string; port: number }[];
  readonly scrapeJobs: readonly TopologyScrapeJob[];
}

/**
 * Expands a fleet shape into nodes on the given ports, system by system, with the scrape jobs
 * Prometheus needs for them. `takePort` hands out one free loopback port per call.
 */
export function planFleet(fleet: FleetShape, takePort: () => number): PlannedSystem[] {
  const planned: PlannedSystem[] = [];
  for (const [system, shape] of Object.entries(fleet)) {
    if (shape === undefined) continue;
    const topology = topologyRegistry.get(system)!;
    const nodes = topology
      .nodes(shape as Record<string, number>)
      .map((n) => ({ ...n, port: takePort() }));
    const scrapeJobs = topology.scrapeJobs(
      nodes.map((n) => ({ ...n, address: `127.0.0.1:${n.port}` })),
    );
    planned.push({ system, nodes, scrapeJobs });
  }
  return planned;
}

/** The system a fault belongs to: the first part of its name ("cosmictron.wal.fsync-stall"). */
export function systemOfFault(name: string): string {
  return name.split(".")[0] ?? name;
}
