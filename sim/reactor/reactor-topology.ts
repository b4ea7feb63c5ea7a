import { uniformTopology } from "../core/uniform-topology.ts";

/**
 * Reactor's fleet: `nodes` identical unified reactor-servers, reactor-0 … reactor-(n-1), each
 * scraped on /metrics by job "reactor" (the documented up{job="reactor"} alert) with a `node`
 * label.
 */
export const reactorTopology = uniformTopology({
  system: "reactor",
  description: "reactor-server instances",
  defaultNodes: 2,
});
