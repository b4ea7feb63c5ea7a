import type { SystemTopology } from "../core/system-topology.ts";
import { parseLatticeNodeId } from "./lattice-node-id.ts";
import { ORGANISMS } from "./lattice-organisms.ts";
import { latticeRole } from "./lattice-role.ts";

/**
 * The lattice fleet: `lattices` lattices (lattice0, lattice1, …), each with the six organisms of
 * `members` members, node ids like lattice0-zipnet-0. One scrape job "lattice"; every target gets
 * the labels lattice, organism, role and node. The exporter itself sets lattice, organism and role
 * on every series (the document: "the labels include lattice, organism, and role"), so the job
 * honors the exporter's labels; the target labels carry the same values so that `up` has them too.
 */
export const latticeTopology: SystemTopology<"lattices" | "members", never, "lattice"> = {
  system: "lattice",
  shape: [
    { name: "lattices", description: "lattices, each with all six organisms", min: 1, default: 1 },
    { name: "members", description: "members per organism (Raft group size)", min: 1, default: 3 },
  ],
  nodes: (shape) => {
    const lattices = shape.lattices ?? 1;
    const members = shape.members ?? 3;
    return Array.from({ length: lattices }, (_, l) =>
      ORGANISMS.flatMap((organism) =>
        Array.from({ length: members }, (_, m) => ({
          id: `lattice${l}-${organism}-${m}`,
          role: latticeRole(organism),
        })),
      ),
    ).flat();
  },
  scrapeJobs: (nodes) => [
    {
      job: "lattice",
      honorLabels: true,
      targets: nodes.map((n) => {
        const { lattice, organism } = parseLatticeNodeId(n.id);
        return {
          address: n.address,
          labels: { lattice, organism, role: latticeRole(organism), node: n.id },
        };
      }),
    },
  ],
};
