import type { FaultDefinition, FaultParamSpec } from "../core/fault-definition.ts";
import { lifecycleFaults } from "../core/lifecycle-faults.ts";
import type { ChainRpc } from "./chain-rpc.ts";
import type { LatticeNode } from "./lattice-node.ts";
import { ORGANISMS, type Organism } from "./lattice-organisms.ts";
import type { LatticeRuntime } from "./lattice-runtime.ts";

/** The `organism` param, limited to `values`. */
function organismParam(values: readonly Organism[], fallback: Organism): FaultParamSpec {
  return {
    name: "organism",
    type: "string",
    default: fallback,
    values,
    description: `The organism it hits: ${values.join(", ")}.`,
  };
}

/** The `member` param: which member of the organism. */
const MEMBER: FaultParamSpec = {
  name: "member",
  type: "number",
  default: 0,
  min: 0,
  max: 1_000,
  description: "Index of the member it hits (lattice0-<organism>-<member>).",
};

/** A share of slots, from 0 to 1. */
function ratioParam(fallback: number, description: string): FaultParamSpec {
  return { name: "ratio", type: "number", default: fallback, min: 0, max: 1, description };
}

/**
 * The lattice's fault catalog. Every fault acts on the lattice of the node it is applied to (a
 * target node picks its lattice; no target means every lattice); organism and member are params.
 * Applied through several nodes of one lattice, it stacks and heals entry by entry.
 *
 * @example
 * const faults = latticeFaults((node) => runtimes.get(node.lattice)!, rpc);
 */
export function latticeFaults(
  runtimeOf: (node: LatticeNode) => LatticeRuntime,
  rpc: ChainRpc,
): FaultDefinition<LatticeNode>[] {
  const effects = (node: LatticeNode) => runtimeOf(node).effects;
  const organism = (params: { string(name: string): string }) =>
    params.string("organism") as Organism;
  return [
    {
      name: "lattice.raft.churn",
      description:
        "Network turbulence: every organism's Raft leader steps down about stepDownsPerMinute times a minute; each election takes 0.3–2.5 s, so there is always a leader within seconds. Noise: no alert must fire.",
      params: [
        {
          name: "stepDownsPerMinute",
          type: "number",
          default: 3,
          min: 0,
          max: 30,
          description: "Leader step-downs per fleet minute per organism.",
        },
      ],
      apply: (node, params) => effects(node).churn.add(params.number("stepDownsPerMinute")),
    },
    {
      name: "lattice.raft.no-leader",
      description:
        "The organism's Raft group elects no leader until healed: mosaik_raft_is_leader is 0 on every member and the organism commits nothing (downstream organisms stall too).",
      params: [organismParam(ORGANISMS, "unseal")],
      apply: (node, params) => effects(node).noLeader.add(organism(params)),
    },
    {
      name: "lattice.discovery.partition",
      description:
        "A network partition: the first `minority` members of every organism lose sight of the rest, so discovery_peers_total drops on every node; Raft groups keep their majority side's leader.",
      params: [
        {
          name: "minority",
          type: "number",
          default: 1,
          min: 1,
          max: 1_000,
          description: "Members per organism (lowest indexes) cut off from the others.",
        },
      ],
      apply: (node, params) => effects(node).partition.add(params.number("minority")),
    },
    {
      name: "lattice.organism.commit-stall",
      description:
        "The organism stops committing (its <org>_commits_per_slot stops, and so does every organism after it in the pipeline zipnet → unseal → offer → atelier → relay → tally).",
      params: [organismParam(ORGANISMS, "atelier")],
      apply: (node, params) => effects(node).commitStall.add(organism(params)),
    },
    {
      name: "lattice.organism.slow-commit",
      description:
        "The organism's slot work takes about latencySeconds (±10%), so its latency histogram's P95 rises above it; work slower than the organism's budget (slot period; relay: slot deadline) misses the slot.",
      params: [
        organismParam(ORGANISMS, "unseal"),
        {
          name: "latencySeconds",
          type: "number",
          default: 30,
          min: 0.01,
          max: 600,
          description: "Typical commit latency while slow, in seconds.",
        },
      ],
      apply: (node, params) =>
        effects(node).slowCommit.add({
          organism: organism(params),
          seconds: params.number("latencySeconds"),
        }),
    },
    {
      name: "lattice.tdx.lost",
      description:
        "One unseal or atelier member loses its TDX attestation: <org>_member_tdx_attested drops to 0 on that member.",
      params: [organismParam(["unseal", "atelier"], "unseal"), MEMBER],
      apply: (node, params) =>
        effects(node).tdxLost.add({ organism: organism(params), member: params.number("member") }),
    },
    {
      name: "lattice.atelier.divergence",
      description:
        "The co-building committee disagrees: a share `ratio` of committed slots counts a simulation divergence.",
      params: [ratioParam(1, "Share of atelier's committed slots with a divergence.")],
      apply: (node, params) => effects(node).divergence.add(params.number("ratio")),
    },
    {
      name: "lattice.atelier.few-candidates",
      description:
        "Scarce bundles: atelier still commits every slot but builds only `perSlot` candidates per slot on average (normally about 4), spread evenly, so atelier_candidates_committed_total grows slower than one per slot while atelier_commits_per_slot stays normal.",
      params: [
        {
          name: "perSlot",
          type: "number",
          default: 0.5,
          min: 0,
          max: 10,
          description: "Candidates per committed slot (0.5: one every other slot).",
        },
      ],
      apply: (node, params) => effects(node).fewCandidates.add(params.number("perSlot")),
    },
    {
      name: "lattice.relay.on-chain-mismatch",
      description:
        "A share `ratio` of relayed slots' accepted headers do not land on chain: relay_on_chain_mismatches_total counts them.",
      params: [ratioParam(0.5, "Share of relay's committed slots whose header does not land.")],
      apply: (node, params) => effects(node).onChainMismatch.add(params.number("ratio")),
    },
    {
      name: "lattice.tally.evidence-mismatch",
      description:
        "Upstream evidence and tally's attribution disagree on a share `ratio` of attested slots: tally_evidence_failures_total grows steadily.",
      params: [ratioParam(0.5, "Share of tally's attested slots with an evidence failure.")],
      apply: (node, params) => effects(node).evidenceMismatch.add(params.number("ratio")),
    },
    {
      name: "lattice.tally.chain-rpc-lag",
      description:
        'The chain RPC (https://rpc.chain.example, answered by msw) serves a head `seconds` old ("lag") or fails with HTTP 500 ("error", the head\'s age grows): tally_chain_rpc_lag_seconds and tally\'s attestation latency rise.',
      params: [
        {
          name: "seconds",
          type: "number",
          default: 60,
          min: 0,
          max: 3_600,
          description: 'How stale the reported head is in "lag" mode, in seconds.',
        },
        {
          name: "mode",
          type: "string",
          default: "lag",
          values: ["lag", "error"],
          description: '"lag": a stale head; "error": HTTP 500 on every request.',
        },
      ],
      apply: (node, params) =>
        rpc.degrade(node.lattice, {
          mode: params.string("mode") === "error" ? "error" : "lag",
          seconds: params.number("seconds"),
        }),
    },
    {
      name: "lattice.offer.quiet-mempool",
      description:
        "A quiet mempool: offer receives no bids (offer_bids_received_total stops) while auctions still commit, empty. Legitimate by the document: investigate, never page.",
      params: [],
      apply: (node) => effects(node).quietMempool.add(true),
    },
    {
      name: "lattice.commit.jitter",
      description:
        "Sub-second jitter on every organism's commit latency (up to maxSeconds extra). Noise: not actionable, no alert must fire.",
      params: [
        {
          name: "maxSeconds",
          type: "number",
          default: 0.9,
          min: 0,
          max: 0.999,
          description: "Largest extra latency per commit, under a second.",
        },
      ],
      apply: (node, params) => effects(node).jitter.add(params.number("maxSeconds")),
    },
    {
      name: "lattice.zipnet.server-down",
      description:
        "A zipnet server stops serving (its exporter still answers): zipnet_server_up is 0 on that member and it leaves the Raft group.",
      params: [MEMBER],
      apply: (node, params) => effects(node).serverDown.add(params.number("member")),
    },
    ...lifecycleFaults("lattice"),
  ];
}
