import type http from "node:http";
import { FaultNotFoundError, FaultRequestError } from "./errors.ts";
import type { FaultRegistry } from "./fault-registry.ts";
import { LoopbackServer } from "./loopback-server.ts";
import { sendBody } from "./send-body.ts";
import type { SimNode } from "./sim-node.ts";

/** Largest request body the control API reads. */
const MAX_BODY_BYTES = 1 << 20;

/** Writes a JSON response. */
function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  sendBody(res, status, "application/json; charset=utf-8", `${JSON.stringify(body)}\n`);
}

/** Reads and parses a JSON request body; an empty body is undefined. */
async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      throw new FaultRequestError(
        `Failed to read the request: the body exceeds ${MAX_BODY_BYTES} bytes. Send a smaller JSON body.`,
      );
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FaultRequestError(
      `Failed to read the request: the body is not JSON (${(error as Error).message}). Send a JSON object.`,
    );
  }
}

/**
 * The host's control API, JSON over HTTP on loopback:
 * GET /healthz, GET /nodes, GET /faults/catalogue, GET /faults, POST /faults, DELETE /faults/:id.
 *
 * @example
 * const control = new ControlServer({ port: 41000, faults, nodes });
 * await control.start();
 * await fetch(`${control.url}/faults`, { method: "POST", body: JSON.stringify({ name: "cosmictron.node.crash" }) });
 */
export class ControlServer<N extends SimNode> {
  readonly #faults: FaultRegistry<N>;
  readonly #nodes: readonly N[];
  readonly #server: LoopbackServer;

  constructor(options: { port: number; faults: FaultRegistry<N>; nodes: readonly N[] }) {
    this.#faults = options.faults;
    this.#nodes = options.nodes;
    this.#server = new LoopbackServer({
      port: options.port,
      handler: (req, res) => this.#handle(req, res),
    });
  }

  get url(): string {
    return this.#server.url;
  }

  get port(): number {
    return this.#server.port;
  }

  async start(): Promise<void> {
    await this.#server.start();
  }

  async close(): Promise<void> {
    await this.#server.close();
  }

  // Routes one request; errors become 400/404/500 with {"error": message}.
  async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    const path = new URL(req.url ?? "/", "http://control").pathname.replace(/\/+$/, "") || "/";
    try {
      if (method === "GET" && path === "/healthz") return sendJson(res, 200, { status: "ok" });
      if (method === "GET" && path === "/nodes") {
        return sendJson(
          res,
          200,
          this.#nodes.map((n) => ({ id: n.id, url: n.url, state: n.state })),
        );
      }
      if (method === "GET" && path === "/faults/catalogue")
        return sendJson(res, 200, this.#faults.catalogue());
      if (method === "GET" && path === "/faults") return sendJson(res, 200, this.#faults.active());
      if (method === "POST" && path === "/faults") {
        return sendJson(res, 201, await this.#faults.inject(await readJson(req)));
      }
      const heal = /^\/faults\/([^/]+)$/.exec(path);
      if (method === "DELETE" && heal?.[1]) {
        return sendJson(res, 200, await this.#faults.heal(decodeURIComponent(heal[1])));
      }
      return sendJson(res, 404, {
        error: `Failed to route ${method} ${path}: no such endpoint. Use GET /healthz, GET /nodes, GET /faults/catalogue, GET /faults, POST /faults or DELETE /faults/:id.`,
      });
    } catch (error) {
      if (error instanceof FaultRequestError) return sendJson(res, 400, { error: error.message });
      if (error instanceof FaultNotFoundError) return sendJson(res, 404, { error: error.message });
      const message = error instanceof Error ? error.message : String(error);
      return sendJson(res, 500, {
        error: `Failed to ${method} ${path}: ${message}. See the sim host's log.`,
      });
    }
  }
}
