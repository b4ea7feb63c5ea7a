import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FiredrillError } from "../errors.ts";
import type { FaultSpec } from "../scenario/types.ts";
import type { AlertSeries } from "./alert-series.ts";

/** What the page's API acts on (a Rehearsal and its command, or a stand-in in tests). */
export interface RehearsalApi {
  /** GET /api/state: the fleet's nodes, the recording, links to the stack. */
  state(): Promise<unknown>;
  /** GET /api/catalogue: the faults offered and the nodes they may target. */
  catalogue(): Promise<unknown>;
  /** The alerts whose series can be charted. */
  series(): readonly AlertSeries[];
  /** GET /api/series?alert=: one alert's series over the last `minutes` of fleet time. */
  chart(alert: string, minutes: number): Promise<unknown>;
  inject(fault: FaultSpec): Promise<unknown>;
  heal(id: string): Promise<void>;
  /** POST /api/save: writes the recording as a scenario file. */
  save(name: string | undefined): Promise<{ file: string; name: string }>;
  /** POST /api/stop: the page's Stop button. */
  stop(): void;
}

const MAX_BODY_BYTES = 64 * 1024;

/** Reads a small JSON body; an empty one is {}. */
async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest("the body is larger than 64 KB");
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // falls through to the error below
  }
  throw new BadRequest("the body is not a JSON object");
}

/** A request the API cannot act on. */
class BadRequest extends Error {
  override name = "BadRequest";
}

/** Writes a JSON answer. */
function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(text);
}

/**
 * The rehearsal's web server: node:http on 127.0.0.1, the page at / and a small JSON API under
 * /api/ (state, catalogue, series, faults, save, stop). Nothing is fetched from the network: the
 * page carries its scripts and styles inline.
 */
export class RehearsalServer implements AsyncDisposable {
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  /** Serves `page` and `api` on 127.0.0.1:`port` (0: a free port). */
  static async start(page: string, api: RehearsalApi, port = 0): Promise<RehearsalServer> {
    const server = createServer((req, res) => {
      void route(req, res, page, api);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    return new RehearsalServer(server);
  }

  /** http://127.0.0.1:PORT/ */
  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/`;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/** Answers one request; a user's mistake is 400 with the reason, anything else 500. */
async function route(
  req: IncomingMessage,
  res: ServerResponse,
  page: string,
  api: RehearsalApi,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://rehearse");
  const method = req.method ?? "GET";
  try {
    if (method === "GET" && url.pathname === "/") {
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
      });
      res.end(page);
      return;
    }
    if (method === "GET" && url.pathname === "/api/state") return send(res, 200, await api.state());
    if (method === "GET" && url.pathname === "/api/catalogue") {
      return send(res, 200, await api.catalogue());
    }
    if (method === "GET" && url.pathname === "/api/series") {
      const alert = url.searchParams.get("alert") ?? "";
      const minutes = Number(url.searchParams.get("minutes") ?? "15");
      if (!api.series().some((s) => s.alert === alert)) {
        throw new BadRequest(`no alerting rule "${alert}"`);
      }
      return send(res, 200, await api.chart(alert, Number.isFinite(minutes) ? minutes : 15));
    }
    if (method === "POST" && url.pathname === "/api/faults") {
      const body = await readJson(req);
      if (typeof body.name !== "string") throw new BadRequest('give the fault\'s "name"');
      const fault: FaultSpec = {
        name: body.name,
        ...(typeof body.target === "string" && body.target !== "" ? { target: body.target } : {}),
        ...(body.params && typeof body.params === "object"
          ? { params: body.params as FaultSpec["params"] }
          : {}),
      };
      return send(res, 201, await api.inject(fault));
    }
    const heal = /^\/api\/faults\/([^/]+)$/.exec(url.pathname);
    if (method === "DELETE" && heal) {
      await api.heal(decodeURIComponent(heal[1]!));
      return send(res, 200, { healed: decodeURIComponent(heal[1]!) });
    }
    if (method === "POST" && url.pathname === "/api/save") {
      const body = await readJson(req);
      const name = typeof body.name === "string" && body.name !== "" ? body.name : undefined;
      return send(res, 201, await api.save(name));
    }
    if (method === "POST" && url.pathname === "/api/stop") {
      send(res, 202, { stopping: true });
      api.stop();
      return;
    }
    send(res, 404, { error: `Failed to route ${method} ${url.pathname}: no such page or API.` });
  } catch (error) {
    if (error instanceof BadRequest) {
      return send(res, 400, { error: `Failed to ${method} ${url.pathname}: ${error.message}.` });
    }
    if (error instanceof FiredrillError) return send(res, 400, { error: error.message });
    send(res, 500, { error: `Failed to ${method} ${url.pathname}: ${(error as Error).message}.` });
  }
}
