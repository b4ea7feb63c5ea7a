import type { Clock, Timer } from "../core/clock.ts";
import type { SeededRandom } from "../core/seeded-random.ts";
import { LatticeEffects } from "./lattice-effects.ts";
import { latticeId } from "./lattice-id.ts";
import type { LatticeMember } from "./lattice-member.ts";
import { ORGANISMS, type Organism } from "./lattice-organisms.ts";
import { LatticeSlotClock } from "./lattice-slot-clock.ts";
import { SlotCounters } from "./lattice-slot-counters.ts";
import { BUDGET_SECONDS, LATENCY, type SlotOutcome } from "./lattice-slot-model.ts";
import { recordSlot } from "./lattice-slot-record.ts";
import { RaftGroup } from "./raft-group.ts";

/** Normal turbulence: a leader steps down about once per 15 fleet minutes per organism. */
const NORMAL_STEP_DOWN_PER_TICK = 1 / 900;
const RAFT_TICK_MS = 1_000;

/**
 * One lattice as a sim host runs it: the six organisms' Raft groups, the slot clock (on the
 * injected Clock), the slot pipeline zipnet → unseal → offer → atelier → relay → tally, discovery,
 * and the faults acting on it. It writes its running members' metrics and logs.
 *
 * @example
 * const runtime = new LatticeRuntime({ name: "lattice0", clock, random });
 * runtime.add(node);
 * runtime.start();
 */
export class LatticeRuntime {
  readonly name: string;
  readonly latticeId: string;
  readonly effects = new LatticeEffects();
  readonly #clock: Clock;
  readonly #random: SeededRandom;
  readonly #members: LatticeMember[] = [];
  readonly #raft = new Map<Organism, RaftGroup>();
  readonly #lastCommitted = new Map<Organism, number>();
  readonly #counters: SlotCounters;
  #timers: Timer[] = [];
  readonly #slots: LatticeSlotClock;

  constructor(options: { name: string; clock: Clock; random: SeededRandom }) {
    this.name = options.name;
    this.latticeId = latticeId(options.name);
    this.#clock = options.clock;
    this.#random = options.random;
    this.#counters = new SlotCounters(this.effects, options.random);
    this.#slots = new LatticeSlotClock(options.clock, (slot) => this.#slotTick(slot));
    for (const organism of ORGANISMS) {
      this.#raft.set(organism, new RaftGroup(options.random.derive(`raft/${organism}`)));
    }
  }

  /** The slot the fleet clock is in. */
  get slot(): number {
    return this.#slots.slot;
  }

  /** The member index leading `organism`'s Raft group, if any. */
  leader(organism: Organism): number | undefined {
    return this.#raft.get(organism)?.leader;
  }

  /** The last slot `organism` committed, if any. */
  lastCommitted(organism: Organism): number | undefined {
    return this.#lastCommitted.get(organism);
  }

  add(member: LatticeMember): void {
    this.#members.push(member);
  }

  /** Starts the Raft tick and the slot clock; idempotent. */
  start(): void {
    if (this.#timers.length > 0) return;
    this.#timers.push(this.#clock.setInterval(() => this.#raftTick(), RAFT_TICK_MS));
    this.#slots.start();
  }

  /** Runs the slots fleet time has passed that a late timer has not (LatticeSlotClock.runDue). */
  runSlotsDue(): void {
    this.#slots.runDue();
  }

  stop(): void {
    for (const timer of this.#timers) timer.cancel();
    this.#timers = [];
    this.#slots.stop();
  }

  // The members of `organism`, in member order.
  #of(organism: Organism): LatticeMember[] {
    return this.#members.filter((m) => m.organism === organism);
  }

  // Members with index < minority are cut off from the rest while a partition is injected.
  #side(member: LatticeMember): number {
    const minority = this.effects.partition.max() ?? 0;
    return member.member < minority ? 0 : 1;
  }

  // Whether a member can take part in its organism's Raft group.
  #available(member: LatticeMember): boolean {
    if (!member.running) return false;
    return !(
      member.organism === "zipnet" && LatticeEffects.has(this.effects.serverDown, member.member)
    );
  }

  // One Raft step per organism, then the gauges that follow from it.
  #raftTick(): void {
    const now = this.#clock.now();
    const churn = this.effects.churn.max();
    const stepDownChance =
      churn === undefined ? NORMAL_STEP_DOWN_PER_TICK : Math.min(1, churn / 60);
    for (const organism of ORGANISMS) {
      const members = this.#of(organism);
      const raft = this.#raft.get(organism) as RaftGroup;
      const available = members.filter((m) => this.#available(m));
      const sides = [0, 1].map((side) => available.filter((m) => this.#side(m) === side));
      const quorate = sides.find((side) => side.length > members.length / 2) ?? [];
      const change = raft.tick(now, {
        eligible: quorate.map((m) => m.member),
        quorum: quorate.length > 0,
        blocked: LatticeEffects.has(this.effects.noLeader, organism),
        stepDownChance,
      });
      // A member knows a leader only while it takes part on the side holding one (etcd's has_leader).
      const following = raft.leader === undefined ? [] : quorate;
      for (const member of members.filter((m) => m.running)) {
        const tdxLost = this.effects.tdxLost
          .values()
          .some((t) => t.organism === organism && t.member === member.member);
        member.metrics.gauge("mosaik_raft_is_leader").set(raft.leader === member.member ? 1 : 0);
        member.metrics.gauge("mosaik_raft_has_leader").set(following.includes(member) ? 1 : 0);
        if (change === "elected") {
          member.metrics.counter("mosaik_raft_leader_changes_total").inc();
        }
        if (organism === "zipnet") {
          const down = LatticeEffects.has(this.effects.serverDown, member.member);
          member.metrics.gauge("zipnet_server_up").set(down ? 0 : 1);
        }
        if (organism === "unseal" || organism === "atelier") {
          member.metrics.gauge(`${organism}_member_tdx_attested`).set(tdxLost ? 0 : 1);
        }
      }
      const leader = members.find((m) => m.member === raft.leader);
      if (change === "elected" && leader) {
        leader.log("info", "mosaik::raft", "elected leader", {
          term: raft.term,
          member: leader.member,
        });
      } else if (change === "lost") {
        for (const m of members.filter((x) => x.running)) {
          m.log("warn", "mosaik::raft", "leader lost; electing", { term: raft.term });
        }
      }
    }
    this.#discovery();
  }

  // Each running member sees every other running member on its side of any partition.
  #discovery(): void {
    const running = this.#members.filter((m) => m.running);
    for (const member of running) {
      const side = this.#side(member);
      const peers = running.filter((m) => m !== member && this.#side(m) === side).length;
      member.metrics.gauge("discovery_peers_total").set(peers);
    }
  }

  // One slot through the pipeline: each organism needs the one before it to have committed.
  #slotTick(slot: number): void {
    let upstream = true;
    for (const organism of ORGANISMS) {
      const outcome = this.#organismSlot(organism, upstream);
      upstream = outcome.committed;
      if (outcome.committed) this.#lastCommitted.set(organism, slot);
      const members = this.#of(organism).filter((m) => m.running);
      const extra = outcome.committed ? this.#counters.of(organism) : [];
      const spikes = this.effects.spikes
        .values()
        .filter((x) => x.organism === organism && slot % x.everySlots === 0);
      const spikeOf = (member: LatticeMember) =>
        spikes.find((x) => x.member === member.member)?.seconds;
      recordSlot(members, outcome, extra, this.#random, spikeOf);
    }
    const offer = this.#of("offer").filter((m) => m.running);
    const quiet = this.effects.quietMempool.size > 0;
    const bids = quiet ? 0 : this.#random.poisson(30);
    for (const member of offer) member.metrics.counter("offer_bids_received_total").inc(bids);
  }

  // Decides whether `organism` commits this slot and how long its work took.
  #organismSlot(organism: Organism, upstream: boolean): SlotOutcome {
    if (!upstream) return { organism, committed: false, latency: undefined, reason: "upstream" };
    if (LatticeEffects.has(this.effects.commitStall, organism)) {
      return { organism, committed: false, latency: undefined, reason: "stalled" };
    }
    const raft = this.#raft.get(organism) as RaftGroup;
    const now = this.#clock.now();
    if (raft.leader === undefined && !raft.electing) {
      return { organism, committed: false, latency: undefined, reason: "no leader" };
    }
    const slow = this.effects.slowCommit
      .values()
      .filter((s) => s.organism === organism)
      .map((s) => s.seconds);
    const normal = LATENCY[organism];
    let latency =
      slow.length > 0
        ? Math.max(...slow) * this.#random.uniform(0.9, 1.1)
        : Math.min(normal.max, this.#random.logNormal(normal.median, 0.4));
    latency += raft.electionRemaining(now) / 1000;
    latency += this.#random.uniform(0, this.effects.jitter.max() ?? 0);
    if (organism === "tally") {
      const lag = Math.max(
        0,
        ...this.#of("tally")
          .filter((m) => m.running)
          .map((m) => m.chainLagSeconds),
      );
      latency += Math.max(0, lag - 6);
    }
    const committed = latency <= BUDGET_SECONDS[organism];
    return committed
      ? { organism, committed, latency }
      : { organism, committed, latency, reason: `took ${latency.toFixed(1)}s` };
  }
}
