import type { SystemTopology } from "../core/system-topology.ts";

/**
 * Reactor's fleet: `nodes` identical unified reactor-servers, reactor-0 … reactor-(n-1), each
 * scraped on /metrics by job "reactor" (the documented up{job="reactor"} alert) with a `node`
 * label.
 */
export const reactorTopology: SystemTopology = {
  system: "reactor",
  shape: [{ name: "nodes", description: "reactor-server instances", min: 1, default: 2 }],
  nodes: (shape) => Array.from({ length: shape.nodes ?? 2 }, (_, i) => ({ id: `reactor-${i}` })),
  scrapeJobs: (nodes) => [
    {
      job: "reactor",
      targets: nodes.map((n) => ({ address: n.address, labels: { node: n.id } })),
    },
  ],
};
