import { SimConfigError } from "../core/errors.ts";
import { ORGANISMS, type Organism } from "./lattice-organisms.ts";

/** What a lattice node id (lattice0-zipnet-2) says about the node. */
export interface LatticeNodeId {
  readonly id: string;
  /** The lattice's name, e.g. lattice0. */
  readonly lattice: string;
  readonly organism: Organism;
  /** The member's index within its organism, from 0. */
  readonly member: number;
}

const PATTERN = /^(lattice\d+)-([a-z]+)-(\d+)$/;

/**
 * Parses a node id as lattice-topology.ts names them; throws SimConfigError for any other id.
 *
 * @example
 * parseLatticeNodeId("lattice0-unseal-1"); // { lattice: "lattice0", organism: "unseal", member: 1 }
 */
export function parseLatticeNodeId(id: string): LatticeNodeId {
  const match = PATTERN.exec(id);
  const organism = match?.[2] as Organism | undefined;
  if (!match || !organism || !ORGANISMS.includes(organism)) {
    throw new SimConfigError(
      `Failed to create lattice node "${id}": its id is not <lattice>-<organism>-<member> with organism one of ${ORGANISMS.join(", ")}. Name nodes as the lattice topology does, e.g. lattice0-zipnet-0.`,
      { file: "(lattice nodes)", field: "nodes[].id" },
    );
  }
  return { id, lattice: match[1] as string, organism, member: Number(match[3]) };
}
