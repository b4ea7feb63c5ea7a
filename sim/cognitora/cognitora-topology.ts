import type { SystemTopology, TopologyNode } from "../core/system-topology.ts";

/**
 * Cognitora's fleet: `routers` cgn-router, `agents` cgn-agent (even ones serve the chat model,
 * odd ones the embedding model, so the chat model is multi-replica from two agents on) and
 * `kvcached` cgn-kvcached nodes, plus always one cgn-metrics (cgn-router-0, cgn-agent-1,
 * cgn-kvcached-0, cgn-metrics-0).
 *
 * Scraping, so that every host's `up` is visible and no series is counted twice:
 * - job "cognitora" scrapes every router, agent and kvcached /metrics directly, target labels
 *   `node` (the node id) and `service` (the binary). The label is not `role`: the documented
 *   cgn_router_admission_inflight has its own `role` label (prefill/decode), which a target label
 *   of that name would rename to exported_role.
 * - job "cognitora-metrics" scrapes cgn-metrics at /metrics/power: the cgn_power_watts gauges
 *   alone (labelled `host` and `component`), not the federated union on /metrics, whose series
 *   job "cognitora" already has.
 */
export const cognitoraTopology: SystemTopology<"routers" | "agents" | "kvcached"> = {
  system: "cognitora",
  shape: [
    {
      name: "routers",
      description: "cgn-router nodes (each with its gateway's traffic)",
      min: 1,
      default: 2,
    },
    { name: "agents", description: "cgn-agent nodes (one engine each)", min: 1, default: 3 },
    { name: "kvcached", description: "cgn-kvcached shards", min: 1, default: 1 },
  ],
  nodes: (shape) => {
    const group = (role: string, count: number): TopologyNode[] =>
      Array.from({ length: count }, (_, i) => ({ id: `${role}-${i}`, role }));
    return [
      ...group("cgn-router", shape.routers ?? 2),
      ...group("cgn-agent", shape.agents ?? 3),
      ...group("cgn-kvcached", shape.kvcached ?? 1),
      ...group("cgn-metrics", 1),
    ];
  },
  scrapeJobs: (nodes) => {
    const target = (n: (typeof nodes)[number]) => ({
      address: n.address,
      labels: { node: n.id, service: n.role ?? "" },
    });
    const federator = nodes.filter((n) => n.role === "cgn-metrics");
    return [
      { job: "cognitora", targets: nodes.filter((n) => n.role !== "cgn-metrics").map(target) },
      ...(federator.length > 0
        ? [
            {
              job: "cognitora-metrics",
              metricsPath: "/metrics/power",
              targets: federator.map(target),
            },
          ]
        : []),
    ];
  },
};
