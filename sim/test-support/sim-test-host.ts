import { PassThrough } from "node:stream";
import { expect } from "vitest";
import { VirtualClock } from "../core/clock.ts";
import type { HostConfig } from "../host/host-config.ts";
import { type StartedSimHost, startSimHost } from "../host/start-sim-host.ts";
import { type ExpositionFamily, parseExposition } from "./parse-exposition.ts";

/** A control API answer: its status and its JSON body. */
export interface ControlAnswer {
  readonly status: number;
  readonly json: unknown;
}

/**
 * A sim host started in the test's process on a virtual clock (any free ports), with its log
 * lines collected and the calls tests make on it: scrape a node, call the control API, inject a
 * fault and heal it.
 *
 * @example
 * const fleet = await SimTestHost.start({ system: "reactor", seed: 42, nodes: [{ id: "reactor-0", port: 0 }] });
 * const id = await fleet.inject("reactor.node.hang", "reactor-0");
 * await fleet.heal(id);
 */
export class SimTestHost implements AsyncDisposable {
  readonly clock: VirtualClock;
  readonly host: StartedSimHost;
  /** Every line the host has logged so far. */
  readonly logLines: string[];

  private constructor(clock: VirtualClock, host: StartedSimHost, logLines: string[]) {
    this.clock = clock;
    this.host = host;
    this.logLines = logLines;
  }

  /** Starts the host (the control API on any free port) with `env` as its environment. */
  static async start(
    config: Omit<HostConfig, "controlPort">,
    options: {
      readonly env?: Readonly<Record<string, string>>;
      readonly clock?: VirtualClock;
    } = {},
  ): Promise<SimTestHost> {
    const clock = options.clock ?? new VirtualClock(Date.UTC(2025, 0, 1));
    const logLines: string[] = [];
    const logStream = new PassThrough();
    logStream.on("data", (c: Buffer) => logLines.push(...c.toString().split("\n").filter(Boolean)));
    const host = await startSimHost(
      { ...config, controlPort: 0 },
      { clock, logStream, env: options.env ?? {} },
    );
    return new SimTestHost(clock, host, logLines);
  }

  /** The URL of the node with this id (default: the first node). */
  url(id?: string): string {
    const node = id === undefined ? this.host.nodes[0] : this.host.nodes.find((n) => n.id === id);
    if (!node) throw new Error(`no node ${id}`);
    return node.url;
  }

  /** Scrapes a node's /metrics (default: the first node), expecting 200, and parses it. */
  async scrape(id?: string): Promise<Map<string, ExpositionFamily>> {
    const res = await fetch(`${this.url(id)}/metrics`);
    expect(res.status).toBe(200);
    return parseExposition(await res.text());
  }

  /** Calls the control API. */
  async control(method: string, path: string, body?: unknown): Promise<ControlAnswer> {
    const res = await fetch(`${this.host.controlUrl}${path}`, {
      method,
      ...(body !== undefined && {
        body: JSON.stringify(body),
        headers: { "content-type": "application/json" },
      }),
    });
    return { status: res.status, json: await res.json() };
  }

  /** Injects a fault through the control API, expecting 201, and returns its id. */
  async inject(name: string, target: string, params?: Record<string, unknown>): Promise<string> {
    const { status, json } = await this.control("POST", "/faults", { name, target, params });
    expect(status, JSON.stringify(json)).toBe(201);
    return (json as { id: string }).id;
  }

  /** Heals a fault through the control API, expecting 200. */
  async heal(id: string): Promise<void> {
    expect((await this.control("DELETE", `/faults/${id}`)).status).toBe(200);
  }

  /** Stops the host (idempotent). */
  close(): Promise<void> {
    return this.host.stop();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
