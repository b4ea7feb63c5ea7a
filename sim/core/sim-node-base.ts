import type http from "node:http";
import type { Heal } from "./fault-definition.ts";
import type { InProcessAnswer, InProcessRequest } from "./in-process-exchange.ts";
import type { LogFields } from "./logger.ts";
import { LoopbackServer } from "./loopback-server.ts";
import { NodeLifecycle } from "./node-lifecycle.ts";
import type { NodeTracing } from "./node-tracing.ts";
import { sendBody } from "./send-body.ts";
import type { Exposition, NodeState, SimNode } from "./sim-node.ts";

/** What runs inside a node's process: the timers a crash or hang stops. */
export interface NodeWork {
  /** Starts the work; `restarted` after a crash (in-memory state starts over). */
  start(restarted: boolean): void;
  /** Runs again after a hang; absent: `start(false)`. */
  resume?(): void;
  /** Stops the timers (crash, hang or shutdown). */
  pause(): void;
  /** Forgets the process's in-flight work, after a crash has paused it. */
  kill?(): void;
  /** Waits for what the work still writes once it is paused (shutdown). */
  drain?(): Promise<void>;
}

/** The content type of a node's plain-text answers. */
const TEXT = "text/plain; charset=utf-8";

/** Where a node reports a failed span flush. */
interface WarnLog {
  warn(target: string, message: string, fields?: LogFields): void;
}

/** How a system configures the shared node shape. */
export interface SimNodeOptions {
  readonly id: string;
  readonly port: number;
  /** The node's role within its system; absent for systems with one kind of node. */
  readonly role?: string | undefined;
  /** The node's own tracer provider; absent: the node exports no spans. */
  readonly tracing?: NodeTracing | undefined;
  /** Where a failed span flush at shutdown is logged, and under which target. */
  readonly log?: { readonly logger: WarnLog; readonly target: string } | undefined;
}

/**
 * The shape every simulated node shares: its loopback listener, crash and hang (NodeLifecycle),
 * its tracer provider's flush and shutdown, and its metrics exposition. A system's node extends
 * it with its work (`work()`), its HTTP surface (`handle`) and the knobs its faults turn.
 *
 * @example
 * class DemoNode extends SimNodeBase {
 *   protected work() { return workload; }
 *   protected handle(req, res) { ... }
 *   exposition() { return registryExposition(registry); }
 * }
 */
export abstract class SimNodeBase implements SimNode {
  readonly id: string;
  readonly role?: string;
  readonly #server: LoopbackServer;
  readonly #lifecycle: NodeLifecycle;
  readonly #tracing: NodeTracing | undefined;
  readonly #log: SimNodeOptions["log"];
  #started = false;

  constructor(options: SimNodeOptions) {
    this.id = options.id;
    if (options.role !== undefined) this.role = options.role;
    this.#tracing = options.tracing;
    this.#log = options.log;
    this.#server = new LoopbackServer({
      port: options.port,
      handler: (req, res) => this.handle(req, res),
    });
    this.#lifecycle = new NodeLifecycle(this.#server, {
      pause: () => this.work().pause(),
      resume: (restarted) => {
        const work = this.work();
        if (restarted || !work.resume) work.start(restarted);
        else work.resume();
      },
    });
  }

  /** The work a crash or hang stops and a heal starts again. */
  protected abstract work(): NodeWork;

  /** The node's HTTP surface. */
  protected abstract handle(req: http.IncomingMessage, res: http.ServerResponse): unknown;

  /** What GET /metrics answers now. */
  abstract exposition(): Promise<Exposition>;

  get url(): string {
    return this.#server.url;
  }

  /** Answers a request from this process as the listener would, without a socket. */
  serve(request: InProcessRequest): Promise<InProcessAnswer> {
    return this.#server.serve(request);
  }

  get state(): NodeState {
    return this.#lifecycle.state;
  }

  /** Whether the node is started and neither crashed nor hung. */
  get running(): boolean {
    return this.#started && this.#lifecycle.running;
  }

  async start(): Promise<void> {
    await this.#server.start();
    this.#started = true;
    this.work().start(false);
  }

  async crash(): Promise<Heal> {
    const heal = await this.#lifecycle.crash();
    this.work().kill?.();
    return heal;
  }

  hang(): Promise<Heal> {
    return this.#lifecycle.hang();
  }

  async flushSpans(): Promise<void> {
    await this.#tracing?.forceFlush();
  }

  async close(): Promise<void> {
    this.#started = false;
    const work = this.work();
    work.pause();
    await this.#server.close();
    await work.drain?.();
    await this.#tracing?.shutdown().catch((error: unknown) => {
      this.#log?.logger.warn(this.#log.target, "failed to flush spans on shutdown", {
        error: String(error),
      });
    });
  }

  /**
   * The HTTP surface of a node that answers GET (and HEAD) only: /metrics with its exposition,
   * each path of `routes` with its handler, any other path 404 and any other method 405.
   */
  protected async answerGet(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    routes: Readonly<Record<string, (res: http.ServerResponse) => unknown>> = {},
  ): Promise<void> {
    const path = new URL(req.url ?? "/", "http://node").pathname;
    if (req.method !== "GET" && req.method !== "HEAD") {
      return sendBody(res, 405, TEXT, "Method Not Allowed\n");
    }
    if (path === "/metrics") return this.sendExposition(res);
    const route = routes[path];
    if (route) {
      await route(res);
      return;
    }
    sendBody(res, 404, TEXT, "Not Found\n");
  }

  /** Answers with the node's exposition. */
  protected async sendExposition(res: http.ServerResponse): Promise<void> {
    const { contentType, body } = await this.exposition();
    sendBody(res, 200, contentType, body);
  }
}
