import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request an OtlpSink received. */
export interface OtlpRequest {
  readonly method: string;
  readonly path: string;
  readonly contentType: string;
  readonly bytes: number;
}

/**
 * A stand-in OTLP/HTTP receiver on loopback that records each request's method, path, content
 * type and size, and answers 200.
 *
 * @example
 * await using sink = await OtlpSink.start();
 * new NodeTracing({ serviceName: "cosmictron", instanceId: "c-0", otlpEndpoint: sink.url });
 */
export class OtlpSink implements AsyncDisposable {
  readonly requests: OtlpRequest[] = [];
  readonly #server: http.Server;

  private constructor() {
    this.#server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        this.requests.push({
          method: req.method ?? "",
          path: req.url ?? "",
          contentType: req.headers["content-type"] ?? "",
          bytes: Buffer.concat(chunks).length,
        });
        res.writeHead(200, { "content-type": "application/x-protobuf" });
        res.end();
      });
    });
  }

  /** Listens on a free loopback port. */
  static async start(): Promise<OtlpSink> {
    const sink = new OtlpSink();
    sink.#server.listen(0, "127.0.0.1");
    await once(sink.#server, "listening");
    return sink;
  }

  /** The base URL an exporter appends /v1/traces to. */
  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Drops open connections and stops listening. */
  async close(): Promise<void> {
    this.#server.closeAllConnections();
    this.#server.close();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
