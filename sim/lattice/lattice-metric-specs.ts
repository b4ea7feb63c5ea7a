import type { Organism } from "./lattice-organisms.ts";

/** One metric a lattice node exposes, as fixtures/lattice/catalogue.json lists it. */
export interface LatticeMetricSpec {
  readonly name: string;
  readonly type: "counter" | "gauge" | "histogram";
  readonly help: string;
  /** The organisms whose members expose it; "all" for mosaik's own metrics. */
  readonly organisms: readonly Organism[] | "all";
  /** Labels beyond lattice, organism and role. */
  readonly extraLabels?: readonly string[];
}

/** A counter every organism has: one increment per slot the organism committed. */
function commitsPerSlot(organism: Organism): LatticeMetricSpec {
  return {
    name: `${organism}_commits_per_slot`,
    type: "counter",
    help: `Slots ${organism} committed (one increment per committed slot)`,
    organisms: [organism],
  };
}

/** Every metric of fixtures/lattice/catalogue.json, with the organisms that expose it. */
export const LATTICE_METRICS: readonly LatticeMetricSpec[] = [
  {
    name: "discovery_peers_total",
    type: "gauge",
    help: "Peers this node currently sees through mosaik discovery",
    organisms: "all",
  },
  {
    name: "mosaik_raft_is_leader",
    type: "gauge",
    help: "1 if this member currently leads its organism's Raft group, else 0",
    organisms: "all",
  },
  {
    name: "mosaik_raft_leader_changes_total",
    type: "counter",
    help: "Leaders this member has seen elected in its organism's Raft group",
    organisms: "all",
  },
  {
    name: "mosaik_lattice_info",
    type: "gauge",
    help: "Always 1; lattice_id is the lattice's lattice_id() in hex",
    organisms: "all",
    extraLabels: ["lattice_id"],
  },
  {
    name: "zipnet_server_up",
    type: "gauge",
    help: "1 if this zipnet server is up, else 0",
    organisms: ["zipnet"],
  },
  {
    name: "zipnet_round_commit_latency_seconds",
    type: "histogram",
    help: "Time from round open to round commit",
    organisms: ["zipnet"],
  },
  {
    name: "zipnet_broadcasts_appended_total",
    type: "counter",
    help: "Anonymous broadcasts appended to the zipnet log",
    organisms: ["zipnet"],
  },
  {
    name: "unseal_decrypt_latency_seconds",
    type: "histogram",
    help: "Time to threshold-decrypt a slot's sealed broadcasts",
    organisms: ["unseal"],
  },
  {
    name: "unseal_member_tdx_attested",
    type: "gauge",
    help: "1 if this unseal member's TDX attestation is valid, else 0",
    organisms: ["unseal"],
  },
  {
    name: "offer_auction_commit_latency_seconds",
    type: "histogram",
    help: "Time from auction close to committed auction outcome",
    organisms: ["offer"],
  },
  {
    name: "offer_bids_received_total",
    type: "counter",
    help: "Bids received by the offer auction",
    organisms: ["offer"],
  },
  {
    name: "atelier_candidates_committed_total",
    type: "counter",
    help: "Candidate blocks the co-building committee committed",
    organisms: ["atelier"],
  },
  {
    name: "atelier_simulation_divergence_total",
    type: "counter",
    help: "Candidates whose simulation results disagreed across committee members",
    organisms: ["atelier"],
  },
  {
    name: "atelier_member_tdx_attested",
    type: "gauge",
    help: "1 if this atelier member's TDX attestation is valid, else 0",
    organisms: ["atelier"],
  },
  {
    name: "relay_proposer_ack_latency_seconds",
    type: "histogram",
    help: "Time from header delivery to the proposer's acknowledgement",
    organisms: ["relay"],
  },
  {
    name: "relay_on_chain_mismatches_total",
    type: "counter",
    help: "Accepted headers that did not land on chain",
    organisms: ["relay"],
  },
  {
    name: "tally_attestation_latency_seconds",
    type: "histogram",
    help: "Time from block to tally's attestation of it",
    organisms: ["tally"],
  },
  {
    name: "tally_evidence_failures_total",
    type: "counter",
    help: "Slots where upstream evidence and tally's attribution disagreed",
    organisms: ["tally"],
  },
  {
    name: "tally_chain_rpc_lag_seconds",
    type: "gauge",
    help: "Age of the chain head the chain RPC last reported",
    organisms: ["tally"],
  },
  commitsPerSlot("zipnet"),
  commitsPerSlot("unseal"),
  commitsPerSlot("offer"),
  commitsPerSlot("atelier"),
  commitsPerSlot("relay"),
  commitsPerSlot("tally"),
];
