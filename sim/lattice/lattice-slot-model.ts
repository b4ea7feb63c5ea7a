import type { Organism } from "./lattice-organisms.ts";
import { LATTICE_PARAMETERS } from "./lattice-parameters.ts";

/** Normal commit latency per organism: log-normal median and a cap (seconds), far under the red lines. */
export const LATENCY: Readonly<Record<Organism, { median: number; max: number }>> = {
  zipnet: { median: 0.8, max: 4 },
  unseal: { median: 1.2, max: 4 },
  offer: { median: 0.4, max: 1 },
  atelier: { median: 2, max: 5 },
  relay: { median: 0.35, max: 1 },
  tally: { median: 3, max: 8 },
};

/** The histogram each organism observes its commit latency in (atelier has none). */
export const LATENCY_METRIC: Readonly<Record<Organism, string | undefined>> = {
  zipnet: "zipnet_round_commit_latency_seconds",
  unseal: "unseal_decrypt_latency_seconds",
  offer: "offer_auction_commit_latency_seconds",
  atelier: undefined,
  relay: "relay_proposer_ack_latency_seconds",
  tally: "tally_attestation_latency_seconds",
};

/** Seconds of work after which an organism's slot is missed; tally attests late, never misses. */
export const BUDGET_SECONDS: Readonly<Record<Organism, number>> = {
  zipnet: LATTICE_PARAMETERS.roundMs / 1000,
  unseal: LATTICE_PARAMETERS.slotMs / 1000,
  offer: LATTICE_PARAMETERS.slotMs / 1000,
  atelier: LATTICE_PARAMETERS.slotMs / 1000,
  relay: LATTICE_PARAMETERS.slotDeadlineMs / 1000,
  tally: Number.POSITIVE_INFINITY,
};

/** What one organism did in one slot. */
export interface SlotOutcome {
  readonly organism: Organism;
  readonly committed: boolean;
  /** Seconds the slot's work took; undefined when the organism could not start it. */
  readonly latency: number | undefined;
  readonly reason?: string;
}
