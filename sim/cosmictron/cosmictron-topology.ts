import type { SystemTopology } from "../core/system-topology.ts";

/**
 * Cosmictron's fleet: `nodes` identical reducer hosts, cosmictron-0 … cosmictron-(n-1), each
 * scraped on /metrics by job "cosmictron" with a `node` label.
 */
export const cosmictronTopology: SystemTopology = {
  system: "cosmictron",
  shape: [{ name: "nodes", description: "reducer host nodes", min: 1, default: 3 }],
  nodes: (shape) => Array.from({ length: shape.nodes ?? 3 }, (_, i) => ({ id: `cosmictron-${i}` })),
  scrapeJobs: (nodes) => [
    {
      job: "cosmictron",
      targets: nodes.map((n) => ({ address: n.address, labels: { node: n.id } })),
    },
  ],
};
