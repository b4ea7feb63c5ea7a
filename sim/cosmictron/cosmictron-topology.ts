import { uniformTopology } from "../core/uniform-topology.ts";

/**
 * Cosmictron's fleet: `nodes` identical reducer hosts, cosmictron-0 … cosmictron-(n-1), each
 * scraped on /metrics by job "cosmictron" with a `node` label.
 */
export const cosmictronTopology = uniformTopology({
  system: "cosmictron",
  description: "reducer host nodes",
  defaultNodes: 3,
});
