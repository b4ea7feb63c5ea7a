import { defineFault } from "../core/define-fault.ts";
import type { FaultDefinition } from "../core/fault-definition.ts";
import { lifecycleFaults } from "../core/lifecycle-faults.ts";
import type { ChainRpc } from "./chain-rpc.ts";
import { latticeModelFaultSchema as schema } from "./lattice-fault-schema.ts";
import type { LatticeNode } from "./lattice-node.ts";
import type { Organism } from "./lattice-organisms.ts";
import type { LatticeRuntime } from "./lattice-runtime.ts";

/**
 * The lattice's faults as the sim applies them: each schema entry of lattice-fault-schema.ts
 * bound to the lattice effect it adds. Every fault acts on the lattice of the node it is applied
 * to; applied through several nodes of one lattice, it stacks and heals entry by entry.
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
    defineFault(schema.raftChurn, (node: LatticeNode, params) =>
      effects(node).churn.add(params.number("stepDownsPerMinute")),
    ),
    defineFault(schema.raftNoLeader, (node: LatticeNode, params) =>
      effects(node).noLeader.add(organism(params)),
    ),
    defineFault(schema.discoveryPartition, (node: LatticeNode, params) =>
      effects(node).partition.add(params.number("minority")),
    ),
    defineFault(schema.commitStall, (node: LatticeNode, params) =>
      effects(node).commitStall.add(organism(params)),
    ),
    defineFault(schema.slowCommit, (node: LatticeNode, params) =>
      effects(node).slowCommit.add({
        organism: organism(params),
        seconds: params.number("latencySeconds"),
      }),
    ),
    defineFault(schema.tdxLost, (node: LatticeNode, params) =>
      effects(node).tdxLost.add({ organism: organism(params), member: params.number("member") }),
    ),
    defineFault(schema.atelierDivergence, (node: LatticeNode, params) =>
      effects(node).divergence.add(params.number("ratio")),
    ),
    defineFault(schema.atelierFewCandidates, (node: LatticeNode, params) =>
      effects(node).fewCandidates.add(params.number("perSlot")),
    ),
    defineFault(schema.relayOnChainMismatch, (node: LatticeNode, params) =>
      effects(node).onChainMismatch.add(params.number("ratio")),
    ),
    defineFault(schema.tallyEvidenceMismatch, (node: LatticeNode, params) =>
      effects(node).evidenceMismatch.add(params.number("ratio")),
    ),
    defineFault(schema.tallyChainRpcLag, (node: LatticeNode, params) =>
      rpc.degrade(node.lattice, {
        mode: params.string("mode") === "error" ? "error" : "lag",
        seconds: params.number("seconds"),
      }),
    ),
    defineFault(schema.offerQuietMempool, (node: LatticeNode) =>
      effects(node).quietMempool.add(true),
    ),
    defineFault(schema.commitJitter, (node: LatticeNode, params) =>
      effects(node).jitter.add(params.number("maxSeconds")),
    ),
    defineFault(schema.commitSpikes, (node: LatticeNode, params) =>
      effects(node).spikes.add({
        organism: organism(params),
        member: params.number("member"),
        seconds: params.number("latencySeconds"),
        everySlots: params.number("everySlots"),
      }),
    ),
    defineFault(schema.zipnetServerDown, (node: LatticeNode, params) =>
      effects(node).serverDown.add(params.number("member")),
    ),
    ...lifecycleFaults("lattice"),
  ];
}
