import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** An attribute value as it arrived, decoded from OTLP/JSON's AnyValue. */
export type AttributeValue = string | number | boolean | null;

/** One span received from the Collector. */
export interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: number;
  readonly startTimeUnixNano: string;
  readonly endTimeUnixNano: string;
  readonly statusCode: number;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly resource: Readonly<Record<string, AttributeValue>>;
}

interface OtlpKeyValue {
  key: string;
  value?: {
    stringValue?: string;
    intValue?: string | number;
    doubleValue?: number;
    boolValue?: boolean;
  };
}

interface OtlpTracesRequest {
  resourceSpans?: {
    resource?: { attributes?: OtlpKeyValue[] };
    scopeSpans?: {
      spans?: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind?: number;
        startTimeUnixNano: string;
        endTimeUnixNano: string;
        attributes?: OtlpKeyValue[];
        status?: { code?: number };
      }[];
    }[];
  }[];
}

/** Turns OTLP key/values into a plain record. */
function decodeAttributes(list: OtlpKeyValue[] | undefined): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const { key, value } of list ?? []) {
    if (value?.stringValue !== undefined) out[key] = value.stringValue;
    else if (value?.intValue !== undefined) out[key] = Number(value.intValue);
    else if (value?.doubleValue !== undefined) out[key] = value.doubleValue;
    else if (value?.boolValue !== undefined) out[key] = value.boolValue;
    else out[key] = null;
  }
  return out;
}

/**
 * The end of the trace pipeline: an OTLP/HTTP JSON receiver on loopback that the Collector's
 * otlphttp exporter sends to (POST /v1/traces). Keeps at most `capacity` spans, newest last,
 * and counts the ones it had to drop.
 */
export class OtlpSink implements AsyncDisposable {
  readonly spans: ReceivedSpan[] = [];
  dropped = 0;
  requests = 0;
  /** Wall ms of every request that carried spans, in arrival order. */
  readonly arrivals: number[] = [];
  readonly #server: Server;
  readonly #capacity: number;

  private constructor(server: Server, capacity: number) {
    this.#server = server;
    this.#capacity = capacity;
  }

  /** Starts the sink on 127.0.0.1:`port` (0 picks a free port). */
  static async start(options: { port?: number; capacity?: number } = {}): Promise<OtlpSink> {
    let sink: OtlpSink | undefined;
    const server = createServer((req, res) => {
      if (req.method !== "POST" || req.url !== "/v1/traces") {
        res.writeHead(404).end();
        return;
      }
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        try {
          sink?.accept(JSON.parse(Buffer.concat(chunks).toString("utf8")) as OtlpTracesRequest);
          res.writeHead(200, { "content-type": "application/json" }).end("{}");
        } catch {
          res.writeHead(400).end("expected an OTLP/JSON ExportTraceServiceRequest");
        }
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
    });
    sink = new OtlpSink(server, options.capacity ?? 50_000);
    return sink;
  }

  /** http://127.0.0.1:PORT — the otlphttp exporter's endpoint. */
  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  private accept(request: OtlpTracesRequest): void {
    this.requests++;
    if ((request.resourceSpans?.length ?? 0) > 0) this.arrivals.push(Date.now());
    for (const rs of request.resourceSpans ?? []) {
      const resource = decodeAttributes(rs.resource?.attributes);
      for (const ss of rs.scopeSpans ?? []) {
        for (const span of ss.spans ?? []) {
          this.spans.push({
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId ?? "",
            name: span.name,
            kind: span.kind ?? 0,
            startTimeUnixNano: span.startTimeUnixNano,
            endTimeUnixNano: span.endTimeUnixNano,
            statusCode: span.status?.code ?? 0,
            attributes: decodeAttributes(span.attributes),
            resource,
          });
        }
      }
    }
    const excess = this.spans.length - this.#capacity;
    if (excess > 0) {
      this.spans.splice(0, excess);
      this.dropped += excess;
    }
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
