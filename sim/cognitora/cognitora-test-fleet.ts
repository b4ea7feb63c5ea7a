import { PassThrough } from "node:stream";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace-base";
import { expect } from "vitest";
import { VirtualClock } from "../core/clock.ts";
import { EnvFilter } from "../core/env-filter.ts";
import { FaultRegistry } from "../core/fault-registry.ts";
import { Logger } from "../core/logger.ts";
import type { SystemHost } from "../core/system-definition.ts";
import { type ExpositionFamily, parseExposition } from "../test-support/parse-exposition.ts";
import { sumSamples } from "../test-support/sum-samples.ts";
import type { AgentBinary } from "./agent-binary.ts";
import type { CognitoraNode } from "./cognitora-node.ts";
import { createCognitoraSystem } from "./cognitora-system.ts";
import { cognitoraTopology } from "./cognitora-topology.ts";

/**
 * The Cognitora fleet the fleet tests share, in the test's process on a virtual clock: seed 7,
 * 2 routers, 3 agents, 1 kvcached and cgn-metrics, every trace sampled into an in-memory exporter,
 * JSON log lines collected, a minute of fleet time already run.
 *
 * @example
 * const fleet = await CognitoraTestFleet.start();
 * await fleet.advance(10);
 * sumSamples(await fleet.scrape("cgn-agent-0"), "cgn_agent_engine_ready");
 */
export class CognitoraTestFleet implements AsyncDisposable {
  readonly clock = new VirtualClock(Date.UTC(2025, 0, 1));
  readonly exporter = new InMemorySpanExporter();
  /** Every log line so far, parsed. */
  readonly logLines: Record<string, unknown>[] = [];
  #system: SystemHost<CognitoraNode> | undefined;
  #nodes: CognitoraNode[] = [];
  #faults: FaultRegistry<CognitoraNode> | undefined;

  private constructor() {}

  /** Starts every node, then runs a minute of fleet time. */
  static async start(): Promise<CognitoraTestFleet> {
    const fleet = new CognitoraTestFleet();
    const stream = new PassThrough();
    stream.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean))
        fleet.logLines.push(JSON.parse(line));
    });
    const { clock } = fleet;
    const logger = new Logger({ clock, filter: EnvFilter.parse("info"), format: "json", stream });
    const system = await createCognitoraSystem({ spanExporter: fleet.exporter }).start({
      seed: 7,
      clock,
      logger,
      otlpEndpoint: undefined,
      env: { OTEL_TRACES_SAMPLER_ARG: "1" },
    });
    fleet.#system = system;
    fleet.#nodes = cognitoraTopology
      .nodes({ routers: 2, agents: 3, kvcached: 1 })
      .map((n) => system.createNode({ id: n.id, port: 0, ...(n.role && { role: n.role }) }));
    fleet.#faults = new FaultRegistry({ definitions: system.faults, nodes: fleet.#nodes, clock });
    try {
      for (const n of fleet.#nodes) await n.start();
      await fleet.advance(60);
    } catch (error) {
      await fleet.close();
      throw error;
    }
    return fleet;
  }

  /** Every node of the fleet. */
  get nodes(): readonly CognitoraNode[] {
    return this.#nodes;
  }

  /** The fleet's faults, injected and healed in-process. */
  get faults(): FaultRegistry<CognitoraNode> {
    if (!this.#faults) throw new Error("the fleet is not started");
    return this.#faults;
  }

  /** The node with this id. */
  node(id: string): CognitoraNode {
    const found = this.#nodes.find((n) => n.id === id);
    if (!found) throw new Error(`no node ${id}`);
    return found;
  }

  /** Moves fleet time on in 5 s steps, letting every request of a step finish before the next. */
  async advance(seconds: number): Promise<void> {
    for (let s = 0; s < seconds; s += 5) {
      this.clock.advance(5_000);
      await Promise.all(this.#nodes.map((n) => n.idle()));
    }
  }

  /** Scrapes a path of a node, expecting 200, and parses it. */
  async scrape(id: string, path = "/metrics"): Promise<Map<string, ExpositionFamily>> {
    const res = await fetch(`${this.node(id).url}${path}`);
    expect(res.status).toBe(200);
    return parseExposition(await res.text());
  }

  /** The chat model, as cgn-agent-0 (an even agent) serves it. */
  chatModel(): string {
    return (this.node("cgn-agent-0").binary as AgentBinary).model;
  }

  /** Bucket deltas of the router TTFT histogram during `run`, summed over routers. */
  async routerTtft(run: () => Promise<void>): Promise<{ total: number; slow: number }> {
    const routers = ["cgn-router-0", "cgn-router-1"];
    const count = async (le: string) => {
      let total = 0;
      for (const r of routers)
        total += sumSamples(await this.scrape(r), "cgn_router_ttft_seconds_bucket", {
          model: this.chatModel(),
          le,
        });
      return total;
    };
    const [allBefore, fastBefore] = [await count("+Inf"), await count("2")];
    await run();
    const total = (await count("+Inf")) - allBefore;
    return { total, slow: total - ((await count("2")) - fastBefore) };
  }

  /** Closes every node, then the system. */
  async close(): Promise<void> {
    for (const n of this.#nodes) await n.close();
    await this.#system?.close();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
