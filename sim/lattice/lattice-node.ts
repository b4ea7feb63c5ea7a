import type http from "node:http";
import type { Clock } from "../core/clock.ts";
import type { LogLevel } from "../core/env-filter.ts";
import type { LogFields, Logger } from "../core/logger.ts";
import { registryExposition } from "../core/registry-exposition.ts";
import { RepeatingTimer } from "../core/repeating-timer.ts";
import { sendBody } from "../core/send-body.ts";
import type { Exposition } from "../core/sim-node.ts";
import { type NodeWork, SimNodeBase } from "../core/sim-node-base.ts";
import type { ChainRpcClient } from "./chain-rpc-client.ts";
import type { LatticeMember } from "./lattice-member.ts";
import { LatticeMetrics } from "./lattice-metrics.ts";
import { parseLatticeNodeId } from "./lattice-node-id.ts";
import type { Organism } from "./lattice-organisms.ts";
import { LATTICE_PARAMETERS } from "./lattice-parameters.ts";
import { latticeRole } from "./lattice-role.ts";
import type { LatticeRuntime } from "./lattice-runtime.ts";

/**
 * One member of one organism of a lattice: its own PROMETHEUS_ADDR-style exporter on its own
 * loopback port (GET /metrics, its own Registry), GET /health, GET /status (the public status
 * page's fields: lattice, lattice_id hex, organism up, last committed slot), JSON logs with
 * lattice/organism/role/slot fields; tally members read the chain RPC every block.
 *
 * @example
 * const node = new LatticeNode({ id: "lattice0-zipnet-0", port: 0, clock, runtime, logger });
 * await node.start();
 * await fetch(`${node.url}/metrics`);
 */
export class LatticeNode extends SimNodeBase implements LatticeMember {
  readonly lattice: string;
  readonly organism: Organism;
  readonly member: number;
  declare readonly role: string;
  readonly metrics: LatticeMetrics;
  readonly #clock: Clock;
  readonly #runtime: LatticeRuntime;
  readonly #log: Logger;
  readonly #rpc: ChainRpcClient | undefined;
  readonly #work: NodeWork;
  readonly #chainReads: RepeatingTimer;
  #generation = 0;
  #chainHeadMs: number | undefined;
  #chainLagSeconds = 0;

  constructor(options: {
    id: string;
    port: number;
    clock: Clock;
    runtime: LatticeRuntime;
    logger: Logger;
    /** Tally members' chain RPC client. */
    rpc?: ChainRpcClient;
  }) {
    const { lattice, organism, member } = parseLatticeNodeId(options.id);
    super({ id: options.id, port: options.port, role: latticeRole(organism) });
    this.lattice = lattice;
    this.organism = organism;
    this.member = member;
    this.#clock = options.clock;
    this.#runtime = options.runtime;
    this.#log = options.logger;
    this.#rpc = organism === "tally" ? options.rpc : undefined;
    this.#chainReads = new RepeatingTimer(options.clock, LATTICE_PARAMETERS.blockMs, () =>
      this.#readChain(),
    );
    this.metrics = new LatticeMetrics({
      lattice,
      latticeId: options.runtime.latticeId,
      organism,
      role: this.role,
    });
    // A member's own work is its startup lines and (tally) the chain reads; the runtime drives the rest.
    this.#work = {
      start: (restarted) => {
        if (restarted) this.metrics.initialize();
        this.#boot();
        this.#resume();
        if (!restarted) this.#runtime.start();
      },
      resume: () => this.#resume(),
      pause: () => this.#pause(),
    };
    options.runtime.add(this);
  }

  protected work(): NodeWork {
    return this.#work;
  }

  exposition(): Promise<Exposition> {
    this.#runtime.runSlotsDue();
    return registryExposition(this.metrics.registry);
  }

  get chainLagSeconds(): number {
    return this.#chainLagSeconds;
  }

  log(level: LogLevel, target: string, message: string, fields?: LogFields): void {
    this.#log.log(level, target, message, {
      lattice: this.lattice,
      organism: this.organism,
      role: this.role,
      slot: this.#runtime.slot,
      ...fields,
    });
  }

  // The startup lines a member writes.
  #boot(): void {
    this.log("info", "mosaik::lattice", "organism member starting", {
      lattice_id: this.#runtime.latticeId,
      member: this.member,
    });
  }

  // Starts the member's own periodic work (tally: reading the chain head).
  #resume(): void {
    this.#pause();
    if (this.#rpc) this.#chainReads.start();
  }

  #pause(): void {
    this.#chainReads.stop();
    this.#generation++;
  }

  // Reads the chain head and publishes its age; a failed read lets the age grow.
  #readChain(): void {
    const rpc = this.#rpc;
    if (!rpc) return;
    const generation = this.#generation;
    void rpc.latestBlock().then((head) => {
      if (generation !== this.#generation) return;
      const now = this.#clock.now();
      if (head.status === "ok") this.#chainHeadMs = head.timestampMs;
      else {
        this.log("error", "lattice::tally", "chain RPC request failed", {
          url: rpc.url,
          error: head.reason,
        });
      }
      const headMs = this.#chainHeadMs ?? now;
      this.#chainLagSeconds = Math.max(0, (now - headMs) / 1000);
      this.metrics.gauge("tally_chain_rpc_lag_seconds").set(this.#chainLagSeconds);
    });
  }

  // The node's HTTP surface.
  protected handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    return this.answerGet(req, res, {
      "/health": (r) => sendBody(r, 200, "text/plain; charset=utf-8", "OK"),
      "/status": (r) => sendBody(r, 200, "application/json", JSON.stringify(this.#status())),
    });
  }

  // What GET /status answers: the member, its slot and whether its organism commits.
  #status(): Record<string, unknown> {
    const slot = this.#runtime.slot;
    const last = this.#runtime.lastCommitted(this.organism);
    return {
      lattice: this.lattice,
      lattice_id: this.#runtime.latticeId,
      organism: this.organism,
      role: this.role,
      member: this.member,
      slot,
      leader: this.#runtime.leader(this.organism) === this.member,
      last_committed_slot: last ?? null,
      up:
        this.#runtime.leader(this.organism) !== undefined && last !== undefined && slot - last <= 2,
    };
  }
}
