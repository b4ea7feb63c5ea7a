/** One read of the chain head. */
export type ChainHeadResult =
  | { readonly status: "ok"; readonly number: number; readonly timestampMs: number }
  | { readonly status: "error"; readonly reason: string };

/**
 * Tally's chain RPC client: eth_getBlockByNumber("latest") as JSON-RPC over real HTTP (fetch).
 *
 * @example
 * const rpc = new ChainRpcClient({ url: "https://rpc.chain.example/", headers: { "x-lattice": "lattice0" } });
 * const head = await rpc.latestBlock(); // { status: "ok", number: 10_512_345, timestampMs: … }
 */
export class ChainRpcClient {
  readonly url: string;
  readonly #headers: Record<string, string>;
  #id = 0;

  constructor(options: { url: string; headers?: Record<string, string> }) {
    this.url = options.url;
    this.#headers = options.headers ?? {};
  }

  /** Reads the latest block; never throws. */
  async latestBlock(): Promise<ChainHeadResult> {
    try {
      const response = await fetch(this.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...this.#headers },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: ++this.#id,
          method: "eth_getBlockByNumber",
          params: ["latest", false],
        }),
      });
      const body = (await response.json().catch(() => undefined)) as
        | { result?: { number?: unknown; timestamp?: unknown }; error?: { message?: unknown } }
        | undefined;
      if (!response.ok || body?.error) {
        return {
          status: "error",
          reason: `HTTP ${response.status}: ${String(body?.error?.message ?? "no result")}`,
        };
      }
      const number = Number(body?.result?.number);
      const timestamp = Number(body?.result?.timestamp);
      if (!Number.isFinite(number) || !Number.isFinite(timestamp)) {
        return { status: "error", reason: "malformed block in the RPC answer" };
      }
      return { status: "ok", number, timestampMs: timestamp * 1000 };
    } catch (error) {
      return { status: "error", reason: error instanceof Error ? error.message : String(error) };
    }
  }
}
