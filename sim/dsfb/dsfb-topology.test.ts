import { describe, expect, it } from "vitest";
import { dsfbTopology } from "./dsfb-topology.ts";

describe("dsfbTopology", () => {
  it("names nodes dsfb-0… and scrapes them with job dsfb and a node label", () => {
    const nodes = dsfbTopology.nodes({ nodes: 3 });
    expect(nodes).toEqual([{ id: "dsfb-0" }, { id: "dsfb-1" }, { id: "dsfb-2" }]);
    expect(dsfbTopology.nodes({})).toHaveLength(2);
    const placed = nodes.map((n, i) => ({ ...n, address: `127.0.0.1:${42000 + i}` }));
    expect(dsfbTopology.scrapeJobs(placed)).toEqual([
      {
        job: "dsfb",
        targets: [
          { address: "127.0.0.1:42000", labels: { node: "dsfb-0" } },
          { address: "127.0.0.1:42001", labels: { node: "dsfb-1" } },
          { address: "127.0.0.1:42002", labels: { node: "dsfb-2" } },
        ],
      },
    ]);
  });
});
