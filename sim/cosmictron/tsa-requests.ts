import { createHash } from "node:crypto";
import type { Logger } from "../core/logger.ts";
import type { CosmictronMetrics } from "./cosmictron-metrics.ts";
import type { TsaClient } from "./tsa-client.ts";

/** How many timestamp requests may be in flight at once. */
const TSA_MAX_IN_FLIGHT = 4;

/**
 * A Cosmictron node's timestamp requests: the signatures of each interval timestamped at the
 * TSA, at most four in flight, each outcome counted and logged. An answer that arrives after the
 * process died (another generation) is dropped.
 */
export class TsaRequests {
  readonly #node: string;
  readonly #tsa: TsaClient;
  readonly #metrics: CosmictronMetrics;
  readonly #log: Logger;
  #inFlight = 0;
  #nonce = 0;

  constructor(options: { node: string; tsa: TsaClient; metrics: CosmictronMetrics; log: Logger }) {
    this.#node = options.node;
    this.#tsa = options.tsa;
    this.#metrics = options.metrics;
    this.#log = options.log;
  }

  /** Forgets the requests in flight, as a restarted process does. */
  reset(): void {
    this.#inFlight = 0;
  }

  /** Timestamps the signatures up to the current transaction; `generation` tells a stale answer. */
  request(txId: () => number, generation: () => number): void {
    if (this.#inFlight >= TSA_MAX_IN_FLIGHT) {
      this.#log.debug("cosmictron_compliance", "TSA request skipped: too many in flight", {
        in_flight: this.#inFlight,
      });
      return;
    }
    const sent = generation();
    const nonce = ++this.#nonce;
    const digest = createHash("sha256").update(`${this.#node}:${txId()}:${nonce}`).digest("hex");
    this.#inFlight++;
    void this.#tsa.timestamp(digest, nonce).then((result) => {
      if (sent !== generation()) return;
      this.#inFlight--;
      this.#metrics.tsaRequests.inc({ status: result.status });
      if (result.status === "ok") {
        this.#log.debug("cosmictron_compliance", "timestamp token received", {
          serial: result.serialNumber,
          tx_id: txId(),
        });
      } else {
        this.#log.error("cosmictron_compliance", "TSA request failed", {
          url: this.#tsa.url,
          error: result.reason,
        });
      }
    });
  }
}
