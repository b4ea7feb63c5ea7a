import type { FaultSchemaTable } from "../core/fault-schema.ts";
import { shareParam } from "../core/share-param.ts";
import { MEMBER, organismParam } from "./lattice-fault-params.ts";
import { ORGANISMS } from "./lattice-organisms.ts";

/**
 * The lattice's model faults, declared once. Each acts on the lattice of the node it is applied
 * to (a target node picks its lattice; no target means every lattice); organism and member are
 * params. The node crash and hang are lifecycleFaultSchema("lattice"). Keys are the scenario
 * factories' names; fleet times assume the 15s scrape and
 * evaluation interval.
 */
export const latticeModelFaultSchema = {
  /**
   * Noise: every organism's Raft leader steps down `stepDownsPerMinute` (default 3) times a
   * minute, each election 0.3–2.5 s. No alert must fire (there is no leader-change alert).
   */
  raftChurn: {
    name: "lattice.raft.churn",
    description:
      "Network turbulence: every organism's Raft leader steps down about stepDownsPerMinute times a minute; each election takes 0.3–2.5 s, so there is always a leader within seconds. Noise: no alert must fire.",
    params: {
      stepDownsPerMinute: {
        type: "number",
        default: 3,
        min: 0,
        max: 30,
        description: "Leader step-downs per fleet minute per organism.",
      },
    },
  },
  /** `organism` (default unseal) elects no leader: LatticeOrganismNoLeader (page) after 30 s. */
  raftNoLeader: {
    name: "lattice.raft.no-leader",
    description:
      "The organism's Raft group elects no leader until healed: mosaik_raft_has_leader (and mosaik_raft_is_leader) is 0 on every member and the organism commits nothing (downstream organisms stall too).",
    params: { organism: organismParam(ORGANISMS, "unseal") },
  },
  /**
   * The first `minority` (default 1) members of every organism are cut off: discovery peers
   * drop, LatticeDiscoveryPeersDropped (investigate) after 1 m; Raft keeps a majority leader.
   */
  discoveryPartition: {
    name: "lattice.discovery.partition",
    description:
      "A network partition: the first `minority` members of every organism lose sight of the rest, so discovery_peers_total drops on every node; Raft groups keep their majority side's leader (the minority's mosaik_raft_has_leader is 0).",
    params: {
      minority: {
        type: "number",
        default: 1,
        min: 1,
        max: 1_000,
        description: "Members per organism (lowest indexes) cut off from the others.",
      },
    },
  },
  /**
   * `organism` (default atelier) stops committing, and so does everything after it: atelier's
   * LatticeAtelierCandidatesBelowSlotRate (page) for zipnet…atelier (zipnet also
   * LatticeZipnetBroadcastsStalled); relay and tally show only in the status recording rules.
   */
  commitStall: {
    name: "lattice.organism.commit-stall",
    description:
      "The organism stops committing (its <org>_commits_per_slot stops, and so does every organism after it in the pipeline zipnet → unseal → offer → atelier → relay → tally).",
    params: { organism: organismParam(ORGANISMS, "atelier") },
  },
  /**
   * `organism`'s (default unseal) commit latency becomes `latencySeconds` (default 30): its P95
   * alert; above its budget (slot period; relay: slot deadline) it also misses slots.
   */
  slowCommit: {
    name: "lattice.organism.slow-commit",
    description:
      "The organism's slot work takes about latencySeconds (±10%), so its latency histogram's P95 rises above it; work slower than the organism's budget (slot period; relay: slot deadline) misses the slot.",
    params: {
      organism: organismParam(ORGANISMS, "unseal"),
      latencySeconds: {
        type: "number",
        default: 30,
        min: 0.01,
        max: 600,
        description: "Typical commit latency while slow, in seconds.",
      },
    },
  },
  /** Member `member` (default 0) of unseal or atelier loses TDX: Lattice<Org>TdxNotAttested (page). */
  tdxLost: {
    name: "lattice.tdx.lost",
    description:
      "One unseal or atelier member loses its TDX attestation: <org>_member_tdx_attested drops to 0 on that member.",
    params: { organism: organismParam(["unseal", "atelier"], "unseal"), member: MEMBER },
  },
  /** A share `ratio` (default 1) of slots diverge: LatticeAtelierSimulationDivergence (investigate). */
  atelierDivergence: {
    name: "lattice.atelier.divergence",
    description:
      "The co-building committee disagrees: a share `ratio` of committed slots counts a simulation divergence.",
    params: { ratio: shareParam(1, "Share of atelier's committed slots with a divergence.") },
  },
  /**
   * atelier builds `perSlot` (default 0.5) candidates per slot instead of about 4, while its
   * slots still commit: LatticeAtelierCandidatesBelowSlotRate (page) and nothing else.
   */
  atelierFewCandidates: {
    name: "lattice.atelier.few-candidates",
    description:
      "Scarce bundles: atelier still commits every slot but builds only `perSlot` candidates per slot on average (normally about 4), spread evenly, so atelier_candidates_committed_total grows slower than one per slot while atelier_commits_per_slot stays normal.",
    params: {
      perSlot: {
        type: "number",
        default: 0.5,
        min: 0,
        max: 10,
        description: "Candidates per committed slot (0.5: one every other slot).",
      },
    },
  },
  /** A share `ratio` (default 0.5) of headers do not land: LatticeRelayOnChainMismatch (page). */
  relayOnChainMismatch: {
    name: "lattice.relay.on-chain-mismatch",
    description:
      "A share `ratio` of relayed slots' accepted headers do not land on chain: relay_on_chain_mismatches_total counts them.",
    params: {
      ratio: shareParam(0.5, "Share of relay's committed slots whose header does not land."),
    },
  },
  /** Evidence disagrees on a share `ratio` (default 0.5) of slots: LatticeTallyEvidenceFailures (page). */
  tallyEvidenceMismatch: {
    name: "lattice.tally.evidence-mismatch",
    description:
      "Upstream evidence and tally's attribution disagree on a share `ratio` of attested slots: tally_evidence_failures_total grows steadily.",
    params: {
      ratio: shareParam(0.5, "Share of tally's attested slots with an evidence failure."),
    },
  },
  /**
   * The chain RPC serves a head `seconds` old (default 60) or fails ("error"):
   * LatticeTallyChainRpcLag and LatticeTallyAttestationSlow (both investigate).
   */
  tallyChainRpcLag: {
    name: "lattice.tally.chain-rpc-lag",
    description:
      'The chain RPC (https://rpc.chain.example, answered by msw) serves a head `seconds` old ("lag") or fails with HTTP 500 ("error", the head\'s age grows): tally_chain_rpc_lag_seconds and tally\'s attestation latency rise.',
    params: {
      seconds: {
        type: "number",
        default: 60,
        min: 0,
        max: 3_600,
        description: 'How stale the reported head is in "lag" mode, in seconds.',
      },
      mode: {
        type: "string",
        default: "lag",
        values: ["lag", "error"],
        description: '"lag": a stale head; "error": HTTP 500 on every request.',
      },
    },
  },
  /** Offer receives no bids: LatticeOfferNoBids (investigate, never page) after 10 slots. */
  offerQuietMempool: {
    name: "lattice.offer.quiet-mempool",
    description:
      "A quiet mempool: offer receives no bids (offer_bids_received_total stops) while auctions still commit, empty. Legitimate by the document: investigate, never page.",
    params: {},
  },
  /** Noise: up to `maxSeconds` (default 0.9) of extra commit latency. No alert must fire. */
  commitJitter: {
    name: "lattice.commit.jitter",
    description:
      "Sub-second jitter on every organism's commit latency (up to maxSeconds extra). Noise: not actionable, no alert must fire.",
    params: {
      maxSeconds: {
        type: "number",
        default: 0.9,
        min: 0,
        max: 0.999,
        description: "Largest extra latency per commit, under a second.",
      },
    },
  },
  /**
   * Noise when rare: one member's commit takes `latencySeconds` (default 20) once every
   * `everySlots` (default 10) slots. A P95 over 1 minute across the organism's members must ignore
   * it; an alert on each slow commit would page.
   */
  commitSpikes: {
    name: "lattice.commit.spikes",
    description:
      "Sub-minute spikes on one member: every everySlots-th slot, member `member` of the organism sees one commit take latencySeconds (a GC pause, a slow disk on that host); the organism still commits on time. A P95 over 1 minute ignores a rare spike; an alert on each slow commit pages.",
    params: {
      organism: organismParam(ORGANISMS, "unseal"),
      member: MEMBER,
      latencySeconds: {
        type: "number",
        default: 20,
        min: 0.01,
        max: 600,
        description: "How long the spiking commit takes, in seconds.",
      },
      everySlots: {
        type: "number",
        default: 10,
        min: 1,
        max: 1_000,
        description: "One spike every this many slots (10: one each 2 fleet minutes).",
      },
    },
  },
  /** zipnet server `member` (default 0) goes down: LatticeZipnetServerDown (page) after 1 m. */
  zipnetServerDown: {
    name: "lattice.zipnet.server-down",
    description:
      "A zipnet server stops serving (its exporter still answers): zipnet_server_up and mosaik_raft_has_leader are 0 on that member and it leaves the Raft group.",
    params: { member: MEMBER },
  },
} as const satisfies FaultSchemaTable;
