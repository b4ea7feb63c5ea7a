import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One alert of one Alertmanager webhook notification, as a receiver saw it. */
export interface Delivery {
  readonly receiver: string;
  readonly status: "firing" | "resolved";
  readonly labels: Readonly<Record<string, string>>;
  /** The notification's group, Alertmanager's `groupKey` (see DeliveryRecord). */
  readonly groupKey: string;
  /** Wall-clock ms at which the notification arrived. */
  readonly receivedAt: number;
}

/** The body Alertmanager's webhook_config posts (version 4). */
interface WebhookPayload {
  readonly receiver: string;
  readonly groupKey: string;
  readonly alerts: readonly {
    status: "firing" | "resolved";
    labels: Record<string, string>;
  }[];
}

/**
 * The receivers' side of Alertmanager: an HTTP server on loopback that records every
 * notification posted to /receivers/<name>. `failing` makes it answer 500 (receiver outage).
 */
export class WebhookSink implements AsyncDisposable {
  readonly deliveries: Delivery[] = [];
  /** Receivers that currently answer 500. */
  readonly failing = new Set<string>();
  readonly #server: Server;
  readonly #now: () => number;

  private constructor(server: Server, now: () => number) {
    this.#server = server;
    this.#now = now;
  }

  /** Starts the sink on 127.0.0.1:`port` (0 picks a free port). */
  static async start(port = 0, now: () => number = Date.now): Promise<WebhookSink> {
    let sink: WebhookSink | undefined;
    const server = createServer((req, res) => {
      const match = /^\/receivers\/([^/?]+)$/.exec(req.url ?? "");
      if (req.method !== "POST" || !match) {
        res.writeHead(404).end();
        return;
      }
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const receiver = decodeURIComponent(match[1]!);
        if (sink?.failing.has(receiver)) {
          res.writeHead(500).end("receiver outage injected by firedrill");
          return;
        }
        try {
          const payload = JSON.parse(Buffer.concat(chunks).toString("utf8")) as WebhookPayload;
          if (typeof payload.groupKey !== "string" || !Array.isArray(payload.alerts)) {
            throw new TypeError("no groupKey or alerts");
          }
          sink?.record(receiver, payload);
          res.writeHead(200).end();
        } catch {
          res.writeHead(400).end("not an Alertmanager webhook payload");
        }
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    sink = new WebhookSink(server, now);
    return sink;
  }

  /** http://127.0.0.1:PORT, the origin Alertmanager's webhook URLs point at. */
  get origin(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  private record(receiver: string, payload: WebhookPayload): void {
    const receivedAt = this.#now();
    const { groupKey } = payload;
    for (const alert of payload.alerts) {
      this.deliveries.push({
        receiver,
        status: alert.status,
        labels: alert.labels,
        groupKey,
        receivedAt,
      });
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
