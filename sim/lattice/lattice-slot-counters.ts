import type { SeededRandom } from "../core/seeded-random.ts";
import type { LatticeEffects } from "./lattice-effects.ts";
import type { Organism } from "./lattice-organisms.ts";

/** Share of slots with a tally evidence failure in normal operation: rare blips, never sustained. */
const NORMAL_EVIDENCE_BLIP = 0.002;

/**
 * The organism-specific counters of a lattice's committed slots (broadcasts, candidates,
 * divergences, on-chain mismatches, evidence failures), as normal operation and the injected
 * effects make them.
 */
export class SlotCounters {
  readonly #effects: LatticeEffects;
  readonly #random: SeededRandom;
  /** Fractional candidates carried to the next slot while few-candidates is injected. */
  #candidateCredit = 0;

  constructor(effects: LatticeEffects, random: SeededRandom) {
    this.#effects = effects;
    this.#random = random;
  }

  // Candidates atelier commits this slot: 2 + Poisson(2), or — while few-candidates is injected —
  // exactly `perSlot` on average, spread evenly (0.5: one every other slot).
  #candidates(): number {
    const few = this.#effects.fewCandidates.values();
    if (few.length === 0) {
      this.#candidateCredit = 0;
      return 2 + this.#random.poisson(2);
    }
    this.#candidateCredit += Math.min(...few);
    const whole = Math.floor(this.#candidateCredit);
    this.#candidateCredit -= whole;
    return whole;
  }

  /** The organism-specific counters of one committed slot (the same on every member: replicated). */
  of(organism: Organism): [string, number][] {
    const random = this.#random;
    const share = (stack: { max(): number | undefined }) => random.chance(stack.max() ?? 0);
    switch (organism) {
      case "zipnet":
        return [["zipnet_broadcasts_appended_total", 1 + random.poisson(40)]];
      case "atelier":
        return [
          ["atelier_candidates_committed_total", this.#candidates()],
          ["atelier_simulation_divergence_total", share(this.#effects.divergence) ? 1 : 0],
        ];
      case "relay":
        return [["relay_on_chain_mismatches_total", share(this.#effects.onChainMismatch) ? 1 : 0]];
      case "tally": {
        const failed = random.chance(NORMAL_EVIDENCE_BLIP) || share(this.#effects.evidenceMismatch);
        return [["tally_evidence_failures_total", failed ? 1 : 0]];
      }
      default:
        return [];
    }
  }
}
