import { EffectStack } from "../core/effect-stack.ts";
import type { Organism } from "./lattice-organisms.ts";

/** A commit-latency spike on one member: `seconds` once every `everySlots` slots. */
export interface CommitSpike extends MemberTarget {
  readonly seconds: number;
  readonly everySlots: number;
}

/** A fault aimed at one member of one organism. */
export interface MemberTarget {
  readonly organism: Organism;
  readonly member: number;
}

/**
 * The faults acting on one lattice, one stack per knob: each inject adds an entry and its heal
 * removes exactly that entry, so a fault applied through every node of the lattice heals cleanly.
 */
export class LatticeEffects {
  /** Leader step-downs per minute per organism while raft churn is injected. */
  readonly churn = new EffectStack<number>();
  readonly noLeader = new EffectStack<Organism>();
  /** Members per organism (lowest indexes) cut off from the rest of the lattice. */
  readonly partition = new EffectStack<number>();
  readonly commitStall = new EffectStack<Organism>();
  readonly slowCommit = new EffectStack<{ organism: Organism; seconds: number }>();
  readonly tdxLost = new EffectStack<MemberTarget>();
  /** zipnet members whose server is down. */
  readonly serverDown = new EffectStack<number>();
  /** Share of slots with a simulation divergence. */
  readonly divergence = new EffectStack<number>();
  /** Share of relayed slots whose accepted header does not land on chain. */
  readonly onChainMismatch = new EffectStack<number>();
  /** Share of attested slots whose evidence disagrees with tally's attribution. */
  readonly evidenceMismatch = new EffectStack<number>();
  readonly quietMempool = new EffectStack<true>();
  /** Candidates atelier builds per committed slot (normally 2 + Poisson(2)), when lowered. */
  readonly fewCandidates = new EffectStack<number>();
  /** Largest extra commit latency, seconds (sub-second). */
  readonly jitter = new EffectStack<number>();
  /** Members whose commits spike now and then (the organism still commits). */
  readonly spikes = new EffectStack<CommitSpike>();

  /** Whether `organism` is among the stack's active values. */
  static has<T>(stack: EffectStack<T>, value: T): boolean {
    return stack.values().includes(value);
  }
}
