/** Which lattice a fault hits (lattice0, lattice1, …); absent means every lattice. */
export interface LatticeTarget {
  readonly lattice?: string;
}

/**
 * Lattice faults act on the lattice of the node they are sent to, so a lattice is targeted
 * through its first zipnet member.
 */
export function byLattice(options: LatticeTarget): string | undefined {
  return options.lattice === undefined ? undefined : `${options.lattice}-zipnet-0`;
}
