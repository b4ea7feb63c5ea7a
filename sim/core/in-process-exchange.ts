import type http from "node:http";

/** A request to a node of this process, handed to its listener's handler without a socket. */
export interface InProcessRequest {
  readonly method: string;
  /** The path and query, as `req.url` has them. */
  readonly path: string;
  /** Header names in lower case, as Node gives them to a handler. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** What the handler answered. */
export interface InProcessAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * One request/response pair for a node's own handler in this process (virtual time): `req` and
 * `res` have the members of http.IncomingMessage and http.ServerResponse that the sim's handlers
 * use (method, url, headers, the body as an async iterable; writeHead, setHeader, write, end,
 * destroy), and `answered` settles with what the handler wrote: the same handler code as over
 * loopback HTTP, without a socket, undici or the stream machinery, which made HTTP between a
 * virtual fleet's own nodes most of a run's cost.
 *
 * @example
 * const exchange = new InProcessExchange({ method: "GET", path: "/metrics" });
 * await handler(exchange.req, exchange.res);
 * const { status, body } = await exchange.answered;
 */
export class InProcessExchange {
  readonly req: http.IncomingMessage;
  readonly res: http.ServerResponse;
  readonly answered: Promise<InProcessAnswer>;

  constructor(request: InProcessRequest) {
    let settle!: { resolve: (a: InProcessAnswer) => void; reject: (e: Error) => void };
    this.answered = new Promise((resolve, reject) => {
      settle = { resolve, reject };
    });
    const body = request.body ?? "";
    const req = {
      method: request.method,
      url: request.path,
      headers: { ...request.headers } as http.IncomingHttpHeaders,
      async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
        if (body !== "") yield Buffer.from(body, "utf8");
      },
    };
    this.req = req as unknown as http.IncomingMessage;
    this.res = new InProcessResponse(settle) as unknown as http.ServerResponse;
  }

  /** A connection error as undici's fetch reports it, so callers log what they log over HTTP. */
  static fetchFailed(code: string, message: string): TypeError {
    return new TypeError("fetch failed", { cause: Object.assign(new Error(message), { code }) });
  }

  /** The connection went away before an answer (the node crashed): the client's fetch fails. */
  drop(): void {
    (this.res as unknown as InProcessResponse).destroy();
  }
}

// The response side: collects the status, headers and body and settles once at end or destroy.
class InProcessResponse {
  statusCode = 200;
  headersSent = false;
  writableEnded = false;
  destroyed = false;
  readonly #headers: Record<string, string> = {};
  readonly #chunks: string[] = [];
  readonly #settle: { resolve: (a: InProcessAnswer) => void; reject: (e: Error) => void };

  constructor(settle: { resolve: (a: InProcessAnswer) => void; reject: (e: Error) => void }) {
    this.#settle = settle;
  }

  setHeader(name: string, value: string | number): this {
    this.#headers[name.toLowerCase()] = String(value);
    return this;
  }

  writeHead(status: number, headers: Record<string, string | number> = {}): this {
    this.statusCode = status;
    for (const [name, value] of Object.entries(headers)) this.setHeader(name, value);
    this.headersSent = true;
    return this;
  }

  flushHeaders(): void {
    this.headersSent = true;
  }

  write(chunk: string | Buffer): boolean {
    this.headersSent = true;
    this.#chunks.push(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
    return true;
  }

  end(chunk?: string | Buffer): this {
    if (this.writableEnded || this.destroyed) return this;
    if (chunk !== undefined) this.write(chunk);
    this.writableEnded = true;
    this.#settle.resolve({
      status: this.statusCode,
      headers: this.#headers,
      body: this.#chunks.length === 1 ? this.#chunks[0]! : this.#chunks.join(""),
    });
    return this;
  }

  destroy(): this {
    if (this.writableEnded || this.destroyed) return this;
    this.destroyed = true;
    this.#settle.reject(InProcessExchange.fetchFailed("UND_ERR_SOCKET", "other side closed"));
    return this;
  }

  on(): this {
    return this;
  }
}
