import type { FaultSpec } from "../types.ts";
import { faultSpec, type ParamsInput } from "./fault-spec.ts";

/** Which lattice a fault hits (lattice0, lattice1, …); absent means every lattice. */
interface Target {
  readonly lattice?: string;
}

/** An organism of the lattice, in pipeline order. */
type Organism = "zipnet" | "unseal" | "offer" | "atelier" | "relay" | "tally";

/**
 * Builds a FaultSpec, leaving out the params the caller did not give (the sim's defaults apply).
 * Lattice faults act on the lattice of the node they are sent to, so a lattice is targeted
 * through its first zipnet member.
 */
/**
 * Lattice faults act on the lattice of the node they are sent to, so a lattice is targeted
 * through its first zipnet member.
 */
function spec(name: string, target: Target, params: ParamsInput = {}): FaultSpec {
  return faultSpec(
    name,
    target.lattice === undefined ? undefined : `${target.lattice}-zipnet-0`,
    params,
  );
}

/**
 * Faults of the simulated lattice of organisms (mosaik); names match the sim's fault catalogue.
 * Fleet times assume firedrill's 15s scrape and evaluation interval.
 */
export const lattice = {
  /**
   * Noise: every organism's Raft leader steps down `stepDownsPerMinute` (default 3) times a
   * minute, each election 0.3–2.5 s. No alert must fire (there is no leader-change alert).
   */
  raftChurn: (o: Target & { stepDownsPerMinute?: number } = {}): FaultSpec =>
    spec("lattice.raft.churn", o, { stepDownsPerMinute: o.stepDownsPerMinute }),
  /** `organism` (default unseal) elects no leader: LatticeOrganismNoLeader (page) after 30 s. */
  raftNoLeader: (o: Target & { organism?: Organism } = {}): FaultSpec =>
    spec("lattice.raft.no-leader", o, { organism: o.organism }),
  /**
   * The first `minority` (default 1) members of every organism are cut off: discovery peers
   * drop, LatticeDiscoveryPeersDropped (investigate) after 1 m; Raft keeps a majority leader.
   */
  discoveryPartition: (o: Target & { minority?: number } = {}): FaultSpec =>
    spec("lattice.discovery.partition", o, { minority: o.minority }),
  /**
   * `organism` (default atelier) stops committing, and so does everything after it: atelier's
   * LatticeAtelierCandidatesBelowSlotRate (page) for zipnet…atelier (zipnet also
   * LatticeZipnetBroadcastsStalled); relay and tally show only in the status recording rules.
   */
  commitStall: (o: Target & { organism?: Organism } = {}): FaultSpec =>
    spec("lattice.organism.commit-stall", o, { organism: o.organism }),
  /**
   * `organism`'s (default unseal) commit latency becomes `latencySeconds` (default 30): its P95
   * alert; above its budget (slot period; relay: slot deadline) it also misses slots.
   */
  slowCommit: (o: Target & { organism?: Organism; latencySeconds?: number } = {}): FaultSpec =>
    spec("lattice.organism.slow-commit", o, {
      organism: o.organism,
      latencySeconds: o.latencySeconds,
    }),
  /** Member `member` (default 0) of unseal or atelier loses TDX: Lattice<Org>TdxNotAttested (page). */
  tdxLost: (o: Target & { organism?: "unseal" | "atelier"; member?: number } = {}): FaultSpec =>
    spec("lattice.tdx.lost", o, { organism: o.organism, member: o.member }),
  /** A share `ratio` (default 1) of slots diverge: LatticeAtelierSimulationDivergence (investigate). */
  atelierDivergence: (o: Target & { ratio?: number } = {}): FaultSpec =>
    spec("lattice.atelier.divergence", o, { ratio: o.ratio }),
  /**
   * atelier builds `perSlot` (default 0.5) candidates per slot instead of about 4, while its
   * slots still commit: LatticeAtelierCandidatesBelowSlotRate (page) and nothing else.
   */
  atelierFewCandidates: (o: Target & { perSlot?: number } = {}): FaultSpec =>
    spec("lattice.atelier.few-candidates", o, { perSlot: o.perSlot }),
  /** A share `ratio` (default 0.5) of headers do not land: LatticeRelayOnChainMismatch (page). */
  relayOnChainMismatch: (o: Target & { ratio?: number } = {}): FaultSpec =>
    spec("lattice.relay.on-chain-mismatch", o, { ratio: o.ratio }),
  /** Evidence disagrees on a share `ratio` (default 0.5) of slots: LatticeTallyEvidenceFailures (page). */
  tallyEvidenceMismatch: (o: Target & { ratio?: number } = {}): FaultSpec =>
    spec("lattice.tally.evidence-mismatch", o, { ratio: o.ratio }),
  /**
   * The chain RPC serves a head `seconds` old (default 60) or fails ("error"):
   * LatticeTallyChainRpcLag and LatticeTallyAttestationSlow (both investigate).
   */
  tallyChainRpcLag: (o: Target & { seconds?: number; mode?: "lag" | "error" } = {}): FaultSpec =>
    spec("lattice.tally.chain-rpc-lag", o, { seconds: o.seconds, mode: o.mode }),
  /** Offer receives no bids: LatticeOfferNoBids (investigate, never page) after 10 slots. */
  offerQuietMempool: (o: Target = {}): FaultSpec => spec("lattice.offer.quiet-mempool", o),
  /** Noise: up to `maxSeconds` (default 0.9) of extra commit latency. No alert must fire. */
  commitJitter: (o: Target & { maxSeconds?: number } = {}): FaultSpec =>
    spec("lattice.commit.jitter", o, { maxSeconds: o.maxSeconds }),
  /** zipnet server `member` (default 0) goes down: LatticeZipnetServerDown (page) after 1 m. */
  zipnetServerDown: (o: Target & { member?: number } = {}): FaultSpec =>
    spec("lattice.zipnet.server-down", o, { member: o.member }),
  /** One member's process dies (listener closed); a zipnet server's crash is LatticeZipnetServerDown. */
  nodeCrash: (o: { node?: string } = {}): FaultSpec =>
    o.node === undefined
      ? { name: "lattice.node.crash", params: {} }
      : { name: "lattice.node.crash", target: o.node, params: {} },
  /** One member's process hangs (scrapes time out). */
  nodeHang: (o: { node?: string } = {}): FaultSpec =>
    o.node === undefined
      ? { name: "lattice.node.hang", params: {} }
      : { name: "lattice.node.hang", target: o.node, params: {} },
};
