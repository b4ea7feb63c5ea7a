import type { Clock } from "../core/clock.ts";

/** Wall milliseconds a request is always given, whatever the speed. */
const MIN_WALL_MS = 1_000;

/** The outcome of one timestamp request. */
export type TsaResult =
  | { readonly status: "ok"; readonly serialNumber: number }
  | { readonly status: "error"; readonly reason: string };

/**
 * Cosmictron's compliance client for an RFC 3161-style timestamp authority over real HTTP (fetch),
 * JSON-encoded. The timeout (10 s by default) runs in fleet time on the injected clock.
 *
 * @example
 * const tsa = new TsaClient({ clock, url: "https://tsa.cosmictron.example/timestamp", node: "cosmictron-0" });
 * const result = await tsa.timestamp(digestHex); // { status: "ok", serialNumber: 7 }
 */
export class TsaClient {
  readonly url: string;
  readonly #clock: Clock;
  readonly #node: string;
  readonly #timeoutMs: number;
  readonly #headers: Record<string, string>;

  constructor(options: {
    clock: Clock;
    url: string;
    node: string;
    /** Fleet milliseconds before a request counts as failed; default 10 s. */
    timeoutMs?: number;
    /** Extra request headers (the sim identifies the node to the authority). */
    headers?: Record<string, string>;
  }) {
    this.url = options.url;
    this.#clock = options.clock;
    this.#node = options.node;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#headers = options.headers ?? {};
  }

  /** Requests a timestamp token for a SHA-256 digest; never throws. */
  async timestamp(digestHex: string, nonce: number): Promise<TsaResult> {
    const controller = new AbortController();
    // A fast-forwarded fleet must not time out on in-process I/O: never give up sooner than
    // MIN_WALL_MS of wall time. A virtual clock jumps synchronously, so it arms no timer at all;
    // there the authority itself ends an unanswered request after a while of fleet time.
    const speed = this.#clock.speed;
    const timeoutMs = Number.isFinite(speed)
      ? Math.max(this.#timeoutMs, MIN_WALL_MS * speed)
      : undefined;
    const timer =
      timeoutMs === undefined
        ? undefined
        : this.#clock.setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetch(this.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": `cosmictron/${this.#node}`,
          ...this.#headers,
        },
        body: JSON.stringify({
          version: 1,
          messageImprint: { hashAlgorithm: "sha256", hashedMessage: digestHex },
          nonce,
          certReq: true,
        }),
        signal: controller.signal,
      });
      const body = (await response.json().catch(() => undefined)) as
        | { status?: unknown; serialNumber?: unknown }
        | undefined;
      if (!response.ok) return { status: "error", reason: `HTTP ${response.status}` };
      if (body?.status !== "granted" || typeof body.serialNumber !== "number") {
        return { status: "error", reason: `status ${String(body?.status)}` };
      }
      return { status: "ok", serialNumber: body.serialNumber };
    } catch (error) {
      if (controller.signal.aborted) {
        return { status: "error", reason: `timed out after ${(timeoutMs ?? 0) / 1000}s` };
      }
      return { status: "error", reason: error instanceof Error ? error.message : String(error) };
    } finally {
      timer?.cancel();
    }
  }
}
