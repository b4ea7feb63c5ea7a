/**
 * firedrill's lattice cadence. The document says "tune to your lattice's slot cadence" and gives
 * no numbers; these are Ethereum-like assumptions, recorded in fixtures/lattice/catalogue.json
 * and hard-coded in fixtures/lattice/rules.yml's thresholds.
 */
export const LATTICE_PARAMETERS = {
  /** Fleet milliseconds per slot (Ethereum's 12 s). */
  slotMs: 12_000,
  /** Fleet milliseconds per zipnet round: one round per slot. */
  roundMs: 12_000,
  /** Fleet milliseconds offer's sealed-bid auction stays open. */
  auctionWindowMs: 4_000,
  /** Fleet milliseconds within a slot by which the proposer must have acked relay's header. */
  slotDeadlineMs: 4_000,
  /** Fleet milliseconds per block on the chain tally attests (one block per slot). */
  blockMs: 12_000,
  /** Fleet time of slot 0 (Ethereum mainnet's beacon genesis), so slot numbers look real. */
  genesisMs: 1_606_824_023_000,
} as const;
