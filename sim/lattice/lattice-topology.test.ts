import { describe, expect, it } from "vitest";
import { latticeTopology } from "./lattice-topology.ts";

describe("latticeTopology", () => {
  it("names six organisms of `members` members per lattice", () => {
    const nodes = latticeTopology.nodes({ lattices: 2, members: 2 });
    expect(nodes).toHaveLength(24);
    expect(nodes.slice(0, 3)).toEqual([
      { id: "lattice0-zipnet-0", role: "server" },
      { id: "lattice0-zipnet-1", role: "server" },
      { id: "lattice0-unseal-0", role: "member" },
    ]);
    expect(nodes.at(-1)).toEqual({ id: "lattice1-tally-1", role: "member" });
    expect(latticeTopology.nodes({})).toHaveLength(18);
  });

  it("scrapes every member in job lattice, honoring the exporter's labels", () => {
    const jobs = latticeTopology.scrapeJobs([
      { id: "lattice0-zipnet-0", role: "server", address: "127.0.0.1:41000" },
      { id: "lattice1-relay-2", role: "member", address: "127.0.0.1:41001" },
    ]);
    expect(jobs).toEqual([
      {
        job: "lattice",
        honorLabels: true,
        targets: [
          {
            address: "127.0.0.1:41000",
            labels: {
              lattice: "lattice0",
              organism: "zipnet",
              role: "server",
              node: "lattice0-zipnet-0",
            },
          },
          {
            address: "127.0.0.1:41001",
            labels: {
              lattice: "lattice1",
              organism: "relay",
              role: "member",
              node: "lattice1-relay-2",
            },
          },
        ],
      },
    ]);
  });

  it("refuses a node id that is not <lattice>-<organism>-<member>", () => {
    expect(() =>
      latticeTopology.scrapeJobs([{ id: "lattice0-miner-0", address: "127.0.0.1:1" }]),
    ).toThrow(
      'Failed to create lattice node "lattice0-miner-0": its id is not <lattice>-<organism>-<member> with organism one of zipnet, unseal, offer, atelier, relay, tally. Name nodes as the lattice topology does, e.g. lattice0-zipnet-0.',
    );
  });
});
