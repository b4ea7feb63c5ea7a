import path from "node:path";
import { setImmediate as tick } from "node:timers/promises";
import { type SimNode, type StartedSimHost, startSimHost, VirtualClock } from "../../sim/index.ts";
import type { PlannedSystem } from "../runner/plan-fleet.ts";
import type { FaultSpec } from "../scenario/types.ts";
import type { ScrapeReply } from "./evaluator-process.ts";

/** What a net.* fault does to the path to one node. */
export type PathMode =
  | { readonly kind: "pass" }
  | { readonly kind: "refuse" }
  | { readonly kind: "timeout" }
  | { readonly kind: "latency"; readonly seconds: number };

/**
 * The fleet in virtual time: the same sim hosts the live runner starts, in this process on one
 * VirtualClock, each node on its loopback port. This is virtual time's one way into sim/.
 */
export class VirtualFleet implements AsyncDisposable {
  readonly #clock: VirtualClock;
  readonly #zeroMs: number;
  readonly #plan: readonly PlannedSystem[];
  readonly #hosts = new Map<string, StartedSimHost>();
  readonly #systemOfNode = new Map<string, string>();
  readonly #nodeOfAddress = new Map<string, string>();
  readonly #paths = new Map<string, PathMode>();
  readonly #killed = new Set<string>();
  readonly #nodes = new Map<string, SimNode>();
  readonly #start: (planned: PlannedSystem) => Promise<StartedSimHost>;

  private constructor(
    plan: readonly PlannedSystem[],
    zeroMs: number,
    warmupMs: number,
    seed: number,
    logDir: string,
  ) {
    this.#plan = plan;
    this.#zeroMs = zeroMs;
    this.#clock = new VirtualClock(zeroMs - warmupMs);
    for (const p of plan) {
      for (const n of p.nodes) {
        this.#systemOfNode.set(n.id, p.system);
        this.#nodeOfAddress.set(`127.0.0.1:${n.port}`, n.id);
      }
    }
    this.#start = (planned) =>
      startSimHost(
        {
          system: planned.system,
          seed,
          nodes: planned.nodes,
          controlPort: 0,
          logFile: path.join(logDir, `sim-${planned.system}.log`),
        },
        { clock: this.#clock },
      );
  }

  /** Starts every planned system's host on a virtual clock whose t=0 is zeroMs (unix ms). */
  static async start(options: {
    readonly plan: readonly PlannedSystem[];
    readonly zeroMs: number;
    readonly warmupMs: number;
    readonly seed: number;
    readonly logDir: string;
  }): Promise<VirtualFleet> {
    const fleet = new VirtualFleet(
      options.plan,
      options.zeroMs,
      options.warmupMs,
      options.seed,
      options.logDir,
    );
    try {
      for (const planned of options.plan) fleet.#add(planned.system, await fleet.#start(planned));
    } catch (error) {
      await fleet.stop();
      throw error;
    }
    return fleet;
  }

  /** Fleet seconds since t=0. */
  get now(): number {
    return (this.#clock.now() - this.#zeroMs) / 1000;
  }

  /** Runs the fleet's timers up to fleet second `at` and lets their promises settle. */
  async advanceTo(at: number): Promise<void> {
    const target = this.#zeroMs + at * 1000;
    if (target > this.#clock.now()) this.#clock.advance(target - this.#clock.now());
    await tick();
  }

  /** What Prometheus would get from scraping `path` at `target` now. */
  async scrape(target: string, urlPath: string): Promise<ScrapeReply> {
    const id = this.#nodeOfAddress.get(target);
    if (id === undefined) return { status: "refused" };
    const mode = this.#paths.get(id) ?? { kind: "pass" };
    if (mode.kind === "refuse" || this.#killed.has(this.#systemOfNode.get(id)!)) {
      return { status: "refused" };
    }
    const node = this.#nodes.get(id);
    if (mode.kind === "timeout" || node?.state === "hung") return { status: "hang" };
    if (node?.state === "crashed") return { status: "refused" };
    const delay = mode.kind === "latency" ? { delaySeconds: mode.seconds * 2 } : {};
    // GET /metrics is the node's exposition: read it in-process, as its listener would serve it.
    if (urlPath === "/metrics" && node?.exposition) {
      const { contentType, body } = await node.exposition();
      return { status: "ok", statusCode: 200, contentType, body, ...delay };
    }
    // Any other path a job's metricsPath names: its handler, in-process, as the listener runs it.
    if (node?.serve) {
      try {
        const answer = await node.serve({ method: "GET", path: urlPath });
        const contentType = answer.headers["content-type"] ?? "";
        return {
          status: "ok",
          statusCode: answer.status,
          contentType,
          body: answer.body,
          ...delay,
        };
      } catch {
        return { status: "refused" };
      }
    }
    try {
      const response = await fetch(`http://${target}${urlPath}`, {
        signal: AbortSignal.timeout(10_000),
      });
      const body = await response.text();
      return {
        status: "ok",
        statusCode: response.status,
        contentType: response.headers.get("content-type") ?? "",
        body,
        ...delay,
      };
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      return code === "ECONNREFUSED" || code === "ECONNRESET"
        ? { status: "refused" }
        : { status: "hang" };
    }
  }

  /** Injects a sim fault through its system's control API; returns its id for the heal. */
  async inject(system: string, fault: FaultSpec): Promise<string> {
    const response = await fetch(`${this.#control(system)}/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(fault),
    });
    const body = (await response.json().catch(() => ({}))) as { id?: string; error?: string };
    if (response.status !== 201 || !body.id) {
      throw new Error(
        `Failed to inject fault ${fault.name}${fault.target ? ` on ${fault.target}` : ""}: the sim answered ${response.status}: ${body.error ?? JSON.stringify(body)}.`,
      );
    }
    return body.id;
  }

  /** Heals a sim fault. */
  async heal(system: string, id: string): Promise<void> {
    const response = await fetch(`${this.#control(system)}/faults/${encodeURIComponent(id)}`, {
      method: "DELETE",
    });
    if (!response.ok)
      throw new Error(`Failed to heal fault ${id}: the sim answered ${response.status}.`);
  }

  /** Sets what the network does to scrapes of one node (net.* faults). */
  setPath(node: string, mode: PathMode): void {
    this.#paths.set(node, mode);
  }

  /** The system's host process dies: every node refuses until restart(). */
  async kill(system: string): Promise<void> {
    this.#killed.add(system);
    await this.#hosts.get(system)?.stop();
    this.#hosts.delete(system);
    for (const [id, sys] of this.#systemOfNode) if (sys === system) this.#nodes.delete(id);
  }

  /** Starts a killed system's host again: fresh nodes, same ports, same clock. */
  async restart(system: string): Promise<void> {
    const planned = this.#plan.find((p) => p.system === system);
    if (!planned || this.#hosts.has(system)) return;
    this.#add(system, await this.#start(planned));
    this.#killed.delete(system);
  }

  /** Whether the fleet has nodes of this system. */
  has(system: string): boolean {
    return this.#plan.some((p) => p.system === system);
  }

  /** Stops every host. */
  async stop(): Promise<void> {
    const hosts = [...this.#hosts.values()];
    this.#hosts.clear();
    await Promise.all(hosts.map((h) => h.stop()));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  #control(system: string): string {
    const host = this.#hosts.get(system);
    if (!host) throw new Error(`Failed to reach the ${system} sim host: it is not running.`);
    return host.controlUrl;
  }

  // Scrapes read each node's state (crashed, hung) and exposition from the node itself.
  #add(system: string, host: StartedSimHost): void {
    this.#hosts.set(system, host);
    for (const node of host.simNodes) this.#nodes.set(node.id, node);
  }
}
