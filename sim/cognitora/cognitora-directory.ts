import type { NodeState } from "../core/sim-node.ts";
import type { CognitoraRole } from "./cognitora-role.ts";
import type { NodeAddress } from "./node-fetch.ts";

/** What the fleet knows of one node: how to reach it and, for agents, what it serves. */
export interface DirectoryEntry extends NodeAddress {
  readonly id: string;
  readonly role: CognitoraRole;
  /** [cluster].node_id's 12-character prefix, as logs and router.pick name the node. */
  readonly nodeId: string;
  /** Agents: the model their engine serves. */
  readonly model?: string;
  /** Agents: GPUs in the host (cgn-power reports gpu0 … gpuN-1). */
  readonly gpus: number;
  state(): NodeState;
  /** Share of the host's capacity in use, 0–1 (drives the power gauges). */
  utilization(): number;
}

/**
 * The sim host's view of its Cognitora fleet, as service discovery gives it: routers find agents
 * and kvcached shards here, cgn-metrics the per-host endpoints it federates. Nodes that do not
 * answer (crashed or hung) are left out of the lists a health-checked discovery would return.
 *
 * @example
 * directory.agentsFor("bge-m3").map((a) => a.url());
 */
export class CognitoraDirectory {
  readonly #entries: DirectoryEntry[] = [];

  register(entry: DirectoryEntry): void {
    this.#entries.push(entry);
  }

  /** Every registered node of a role, answering or not, in creation order. */
  all(role?: CognitoraRole): DirectoryEntry[] {
    return this.#entries.filter((e) => role === undefined || e.role === role);
  }

  /** How many agents serve a model (its replicas), answering or not. */
  replicas(model: string): number {
    return this.all("cgn-agent").filter((e) => e.model === model).length;
  }

  /** Answering agents that serve `model`. */
  agentsFor(model: string): DirectoryEntry[] {
    return this.all("cgn-agent").filter((e) => e.model === model && e.state() === "up");
  }

  /** The kvcached shard holding a model's blocks (a stable hash of the model over the shards). */
  kvcachedFor(model: string): DirectoryEntry | undefined {
    const shards = this.all("cgn-kvcached");
    if (shards.length === 0) return undefined;
    let hash = 0;
    for (const c of model) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
    const shard = shards[hash % shards.length];
    return shard?.state() === "up" ? shard : undefined;
  }

  /** Models at least one agent serves. */
  models(): string[] {
    return [...new Set(this.all("cgn-agent").flatMap((e) => (e.model ? [e.model] : [])))];
  }
}
