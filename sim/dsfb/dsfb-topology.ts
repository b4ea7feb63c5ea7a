import { uniformTopology } from "../core/uniform-topology.ts";

/**
 * The DSFB fleet: `nodes` identical motif-engine exporters, dsfb-0 … dsfb-(n-1), each scraped on
 * /metrics (OpenMetrics) by job "dsfb" with a `node` label.
 */
export const dsfbTopology = uniformTopology({
  system: "dsfb",
  description: "motif-engine exporter nodes",
  defaultNodes: 2,
});
