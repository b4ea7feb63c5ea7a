import net from "node:net";

/** What a proxy does to the connections it carries, like Toxiproxy's toxics. */
export type ProxyMode =
  | { readonly kind: "pass" }
  /** Delays every chunk by `ms` (wall) each way. */
  | { readonly kind: "latency"; readonly ms: number }
  /** Accepts and reads, never forwards or answers: the scrape times out. */
  | { readonly kind: "timeout" }
  /** Resets every connection at once (ECONNRESET). */
  | { readonly kind: "reset" }
  /** Not listening at all: connection refused, as if the path were cut. */
  | { readonly kind: "blackhole" };

/**
 * A TCP proxy on 127.0.0.1 in front of one target, whose behaviour the harness switches while
 * a drill runs. Prometheus scrapes the proxy; the proxy forwards to the target.
 */
export class ScrapeProxy {
  readonly port: number;
  readonly target: { host: string; port: number };
  #mode: ProxyMode = { kind: "pass" };
  #server: net.Server | undefined;
  readonly #sockets = new Set<net.Socket>();

  private constructor(port: number, target: { host: string; port: number }) {
    this.port = port;
    this.target = target;
  }

  /** Starts a proxy on 127.0.0.1:`port` (0 picks one) forwarding to `target`. */
  static async start(port: number, target: { host: string; port: number }): Promise<ScrapeProxy> {
    const proxy = new ScrapeProxy(port, target);
    await proxy.#listen();
    return proxy;
  }

  get mode(): ProxyMode {
    return this.#mode;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Switches the behaviour; open connections are cut so the next scrape sees the new one. */
  async setMode(mode: ProxyMode): Promise<void> {
    this.#mode = mode;
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
    if (mode.kind === "blackhole") await this.#close();
    else if (!this.#server) await this.#listen();
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await this.#close();
  }

  async #listen(): Promise<void> {
    const server = net.createServer((client) => this.#handle(client));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ host: "127.0.0.1", port: this.port, exclusive: true }, () => resolve());
    });
    (this as { port: number }).port = (server.address() as net.AddressInfo).port;
    this.#server = server;
  }

  async #close(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  // Carries one client connection according to the current mode.
  #handle(client: net.Socket): void {
    this.#sockets.add(client);
    client.on("close", () => this.#sockets.delete(client));
    client.on("error", () => undefined);
    const mode = this.#mode;
    if (mode.kind === "reset") {
      client.resetAndDestroy();
      return;
    }
    if (mode.kind === "timeout") {
      client.resume();
      return;
    }
    const upstream = net.connect({ host: this.target.host, port: this.target.port });
    this.#sockets.add(upstream);
    upstream.on("close", () => {
      this.#sockets.delete(upstream);
      client.destroy();
    });
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    const pipe = (from: net.Socket, to: net.Socket) => {
      from.on("data", (chunk: Buffer) => {
        if (mode.kind === "latency") setTimeout(() => to.writable && to.write(chunk), mode.ms);
        else if (to.writable) to.write(chunk);
      });
      from.on("end", () => {
        if (mode.kind === "latency") setTimeout(() => to.end(), mode.ms);
        else to.end();
      });
    };
    pipe(client, upstream);
    pipe(upstream, client);
  }
}
