import type { SeededRandom } from "../core/seeded-random.ts";

/** What one Raft tick sees of the group's members. */
export interface RaftView {
  /** Members that could lead now (running, reachable on the side that holds a quorum). */
  readonly eligible: readonly number[];
  /** Whether the eligible members form a quorum of the group. */
  readonly quorum: boolean;
  /** A fault holds elections off (no leader until healed). */
  readonly blocked: boolean;
  /** Chance per tick that the leader steps down (network turbulence). */
  readonly stepDownChance: number;
}

/** Fleet milliseconds an election takes: a randomized Raft election timeout. */
const ELECTION_MIN_MS = 300;
const ELECTION_MAX_MS = 2_500;

/**
 * One organism's Raft group as mosaik's variant behaves: a leader that steps down now and then on
 * network turbulence, an election of a few hundred milliseconds to a few seconds, and no leader at
 * all only without a quorum or while a fault blocks elections.
 *
 * @example
 * const raft = new RaftGroup(random);
 * raft.tick(now, { eligible: [0, 1, 2], quorum: true, blocked: false, stepDownChance: 0.001 });
 * raft.leader; // 1
 */
export class RaftGroup {
  #leader: number | undefined;
  #electionEndsAt: number | undefined;
  #term = 0;
  #former: number | undefined;
  readonly #random: SeededRandom;

  constructor(random: SeededRandom) {
    this.#random = random;
  }

  get leader(): number | undefined {
    return this.#leader;
  }

  get term(): number {
    return this.#term;
  }

  /** Fleet ms until the running election ends; 0 when none runs. */
  electionRemaining(now: number): number {
    return this.#electionEndsAt === undefined ? 0 : Math.max(0, this.#electionEndsAt - now);
  }

  /** Whether an election is under way (a leader is coming). */
  get electing(): boolean {
    return this.#electionEndsAt !== undefined;
  }

  /** Advances the group to `now`; returns "elected" when a new leader took over. */
  tick(now: number, view: RaftView): "elected" | "lost" | undefined {
    if (view.blocked || !view.quorum || view.eligible.length === 0) {
      const had = this.#leader !== undefined;
      this.#leader = undefined;
      this.#electionEndsAt = undefined;
      return had ? "lost" : undefined;
    }
    const previous = this.#leader;
    if (previous !== undefined) {
      if (view.eligible.includes(previous) && !this.#random.chance(view.stepDownChance)) {
        return undefined;
      }
      this.#leader = undefined;
      this.#former = previous;
    }
    if (this.#electionEndsAt === undefined) {
      this.#electionEndsAt = now + this.#random.uniform(ELECTION_MIN_MS, ELECTION_MAX_MS);
    }
    if (now < this.#electionEndsAt) return previous !== undefined ? "lost" : undefined;
    // A member other than the one that just stepped down wins when there is one.
    const candidates = view.eligible.filter((m) => m !== this.#former);
    this.#leader = this.#random.pick(candidates.length > 0 ? candidates : view.eligible);
    this.#electionEndsAt = undefined;
    this.#term++;
    return "elected";
  }
}
