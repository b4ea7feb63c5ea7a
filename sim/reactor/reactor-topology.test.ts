import { describe, expect, it } from "vitest";
import { reactorTopology } from "./reactor-topology.ts";

describe("reactorTopology", () => {
  it("names nodes reactor-0… and scrapes them as job reactor with a node label", () => {
    const nodes = reactorTopology.nodes({ nodes: 3 });
    expect(nodes).toEqual([{ id: "reactor-0" }, { id: "reactor-1" }, { id: "reactor-2" }]);
    expect(
      reactorTopology.scrapeJobs(
        nodes.map((n, i) => ({ ...n, address: `127.0.0.1:${42000 + i}` })),
      ),
    ).toEqual([
      {
        job: "reactor",
        targets: [
          { address: "127.0.0.1:42000", labels: { node: "reactor-0" } },
          { address: "127.0.0.1:42001", labels: { node: "reactor-1" } },
          { address: "127.0.0.1:42002", labels: { node: "reactor-2" } },
        ],
      },
    ]);
    expect(reactorTopology.shape.map((f) => f.name)).toEqual(["nodes"]);
  });
});
