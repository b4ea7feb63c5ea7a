import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { PortBusyError } from "./errors.ts";
import {
  type InProcessAnswer,
  InProcessExchange,
  type InProcessRequest,
} from "./in-process-exchange.ts";

/** Handles one HTTP request; may be async. */
export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

/** What a scraper sees: answering, connection refused, or accepted and never answered. */
export type ServerState = "stopped" | "up" | "crashed" | "hung";

/**
 * A tiny HTTP server on 127.0.0.1 that can be crashed (listener closed, open sockets destroyed:
 * connection refused), restarted on the same port, and hung (accepts, never answers).
 *
 * @example
 * const server = new LoopbackServer({ port: 0, handler: (req, res) => res.end("ok") });
 * await server.start();
 * await server.crash(); // fetch(server.url) now fails with ECONNREFUSED
 * await server.restart();
 */
export class LoopbackServer {
  readonly host = "127.0.0.1";
  readonly #handler: RequestHandler;
  #port: number;
  #server: http.Server | undefined;
  #state: ServerState = "stopped";
  #hung = false;
  /** Requests held while hung; `drop` fails an in-process one when the listener closes. */
  #pending: { run: () => void; drop?: () => void }[] = [];

  constructor(options: { port: number; handler: RequestHandler }) {
    this.#port = options.port;
    this.#handler = options.handler;
  }

  get port(): number {
    return this.#port;
  }

  get url(): string {
    return `http://${this.host}:${this.#port}`;
  }

  get state(): ServerState {
    return this.#state;
  }

  /** Listens; port 0 picks a free port, kept for later restarts. */
  async start(): Promise<void> {
    if (this.#server) return;
    const server = http.createServer((req, res) => this.#dispatch(req, res));
    server.keepAliveTimeout = 30_000;
    server.listen(this.#port, this.host);
    try {
      await Promise.race([
        once(server, "listening"),
        once(server, "error").then(([error]) => Promise.reject(error)),
      ]);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE") {
        throw new PortBusyError(
          `Failed to listen on ${this.host}:${this.#port}: port ${this.#port} is already in use. Choose another port (or 0 for a free one) or stop the process holding it.`,
          { port: this.#port, cause: error },
        );
      }
      throw error;
    }
    this.#port = (server.address() as AddressInfo).port;
    this.#server = server;
    this.#state = this.#hung ? "hung" : "up";
  }

  /** Closes the listener and destroys every open socket, so connections are refused. */
  async crash(): Promise<void> {
    await this.#closeServer();
    this.#state = "crashed";
  }

  /** Listens again on the same port after a crash. */
  async restart(): Promise<void> {
    await this.start();
  }

  /** Keeps accepting connections but answers nothing until resume(). */
  hang(): void {
    this.#hung = true;
    if (this.#state === "up") this.#state = "hung";
  }

  /** Answers again, including the requests that waited while hung and are still connected. */
  resume(): void {
    this.#hung = false;
    if (this.#state === "hung") this.#state = "up";
    const pending = this.#pending;
    this.#pending = [];
    for (const { run } of pending) run();
  }

  /**
   * Answers a request from this process without a socket (virtual time): the same handler, as
   * the listener would run it, refused while crashed or stopped, held while hung.
   */
  serve(request: InProcessRequest): Promise<InProcessAnswer> {
    if (this.#state !== "up" && this.#state !== "hung") {
      return Promise.reject(
        InProcessExchange.fetchFailed(
          "ECONNREFUSED",
          `connect ECONNREFUSED ${this.host}:${this.#port}`,
        ),
      );
    }
    const exchange = new InProcessExchange(request);
    this.#dispatch(exchange.req, exchange.res, () => exchange.drop());
    return exchange.answered;
  }

  /** Stops for good. */
  async close(): Promise<void> {
    await this.#closeServer();
    this.#state = "stopped";
  }

  // Runs the handler unless hung; a thrown handler error becomes a 500 rather than a dead socket.
  #dispatch(req: http.IncomingMessage, res: http.ServerResponse, drop?: () => void): void {
    const run = () => {
      if (res.destroyed) return;
      Promise.resolve()
        .then(() => this.#handler(req, res))
        .catch((error: unknown) => {
          if (res.headersSent) {
            res.destroy();
            return;
          }
          res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
          res.end(`Internal error: ${error instanceof Error ? error.message : String(error)}\n`);
        });
    };
    if (this.#hung) this.#pending.push({ run, ...(drop && { drop }) });
    else run();
  }

  // Closes the listener and every connection, idle or not.
  async #closeServer(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    const pending = this.#pending;
    this.#pending = [];
    for (const { drop } of pending) drop?.();
    if (!server) return;
    const closed = once(server, "close");
    server.close();
    server.closeAllConnections();
    await closed;
  }
}
