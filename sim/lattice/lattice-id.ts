import { createHash } from "node:crypto";

/**
 * The lattice's lattice_id() as hex: firedrill derives it from the lattice's name (a real lattice
 * hashes its configuration), so every node of a lattice shows the same id on its status page.
 *
 * @example
 * latticeId("lattice0"); // "5c0d…" (64 hex digits)
 */
export function latticeId(name: string): string {
  return createHash("sha256").update(`mosaik/lattice/${name}`).digest("hex");
}
