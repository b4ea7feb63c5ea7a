/**
 * The six organisms of a lattice, in pipeline order: each organism's slot work needs the one
 * before it (zipnet's broadcasts feed unseal, unseal's decryptions feed offer's auction, and so on
 * to tally, which attests what landed on chain).
 */
export const ORGANISMS = ["zipnet", "unseal", "offer", "atelier", "relay", "tally"] as const;

/** One organism of a lattice. */
export type Organism = (typeof ORGANISMS)[number];
