import type { SystemTopology, TopologyNode } from "../core/system-topology.ts";

/**
 * Cognitora's fleet: `routers` cgn-router, `agents` cgn-agent (even ones serve the chat model,
 * odd ones the embedding model, so the chat model is multi-replica from two agents on) and
 * `kvcached` cgn-kvcached nodes, plus always one cgn-metrics (cgn-router-0, cgn-agent-1,
 * cgn-kvcached-0, cgn-metrics-0).
 *
 * Scraping, as the document has it: cgn-metrics federates the per-host endpoints and exposes
 * their union on :9092, plus the cgn-power gauges. Job "cognitora" scrapes that union alone, with
 * honor_labels, so each series keeps the `node` (the node id) and `service` (the binary) that
 * cgn-metrics gives it; the per-host endpoints are not scraped as well, which would ingest every
 * series twice. The power gauges carry no node of their own and get cgn-metrics' target labels.
 * The label is not `role`: the documented cgn_router_admission_inflight has its own `role`
 * label (prefill/decode).
 */
export const cognitoraTopology: SystemTopology<
  "routers" | "agents" | "kvcached",
  never,
  "cognitora"
> = {
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
  scrapeJobs: (nodes) => [
    {
      job: "cognitora",
      honorLabels: true,
      targets: nodes
        .filter((n) => n.role === "cgn-metrics")
        .map((n) => ({ address: n.address, labels: { node: n.id, service: n.role ?? "" } })),
    },
  ],
};
