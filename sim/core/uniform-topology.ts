import type { SystemTopology } from "./system-topology.ts";

/**
 * The topology of a system whose fleet is `nodes` identical nodes, <system>-0 … <system>-(n-1),
 * scraped on /metrics by one job named after the system, each target with a `node` label. A
 * scenario's fleet gives `nodes`.
 *
 * @example
 * const topology = uniformTopology({ system: "reactor", description: "reactor-server instances", defaultNodes: 2 });
 * topology.nodes({ nodes: 2 }); // [{ id: "reactor-0" }, { id: "reactor-1" }]
 */
export function uniformTopology<const S extends string>(options: {
  readonly system: S;
  /** What a node is, for the shape's docs and errors ("reducer host nodes"). */
  readonly description: string;
  readonly defaultNodes: number;
}): SystemTopology<"nodes", "nodes", S> {
  const { system, description, defaultNodes } = options;
  return {
    system,
    shape: [{ name: "nodes", description, min: 1, default: defaultNodes }],
    required: ["nodes"],
    nodes: (shape) =>
      Array.from({ length: shape.nodes ?? defaultNodes }, (_, i) => ({ id: `${system}-${i}` })),
    scrapeJobs: (nodes) => [
      {
        job: system,
        targets: nodes.map((n) => ({ address: n.address, labels: { node: n.id } })),
      },
    ],
  };
}
