import type { SystemTopology } from "../core/system-topology.ts";

/**
 * The DSFB fleet: `nodes` identical motif-engine exporters, dsfb-0 … dsfb-(n-1), each scraped on
 * /metrics (OpenMetrics) by job "dsfb" with a `node` label.
 */
export const dsfbTopology: SystemTopology = {
  system: "dsfb",
  shape: [{ name: "nodes", description: "motif-engine exporter nodes", min: 1, default: 2 }],
  nodes: (shape) => Array.from({ length: shape.nodes ?? 2 }, (_, i) => ({ id: `dsfb-${i}` })),
  scrapeJobs: (nodes) => [
    {
      job: "dsfb",
      targets: nodes.map((n) => ({ address: n.address, labels: { node: n.id } })),
    },
  ],
};
