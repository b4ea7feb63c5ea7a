import { HttpResponse } from "msw";
import type { Clock } from "../core/clock.ts";
import { InterceptedService } from "../core/intercepted-service.ts";
import { KeyedEffects } from "../core/keyed-effects.ts";
import { LATTICE_PARAMETERS } from "./lattice-parameters.ts";

/** How the chain RPC serves a lattice: `lag` reports a head `seconds` old, `error` answers 500. */
export interface ChainRpcFault {
  readonly mode: "lag" | "error";
  readonly seconds: number;
}

/** The header a tally member sends so the RPC can degrade one lattice alone. */
const LATTICE_HEADER = "x-lattice";

/**
 * The chain's JSON-RPC endpoint tally reads (eth_getBlockByNumber "latest"), answered by msw
 * inside the sim host: one block per slot since genesis, on the injected clock. Faults make it
 * serve a stale head or fail with HTTP 500 for one lattice.
 *
 * @example
 * const rpc = new ChainRpc({ clock });
 * rpc.listen();
 * const heal = rpc.degrade("lattice0", { mode: "lag", seconds: 60 });
 */
export class ChainRpc extends InterceptedService {
  static readonly url = "https://rpc.chain.example/";
  static readonly latticeHeader = LATTICE_HEADER;
  readonly #clock: Clock;
  readonly #faults = new KeyedEffects<ChainRpcFault>();

  constructor(options: { clock: Clock }) {
    super("post", ChainRpc.url);
    this.#clock = options.clock;
  }

  /** Degrades the RPC for `lattice` until the returned heal runs. */
  degrade(lattice: string, fault: ChainRpcFault): () => void {
    return this.#faults.add(lattice, fault);
  }

  /** The fault acting on `lattice`'s requests, if any. */
  fault(lattice: string): ChainRpcFault | undefined {
    return this.#faults.of(lattice)?.latest();
  }

  /** Answers one JSON-RPC request for the requesting lattice. */
  protected async answer(request: Request): Promise<Response> {
    const body = (await request.json().catch(() => undefined)) as
      | { id?: unknown; method?: unknown }
      | undefined;
    const id = body?.id ?? null;
    const fault = this.fault(request.headers.get(LATTICE_HEADER) ?? "");
    if (fault?.mode === "error") {
      return HttpResponse.json(
        { jsonrpc: "2.0", id, error: { code: -32603, message: "upstream node unavailable" } },
        { status: 500 },
      );
    }
    if (body?.method !== "eth_getBlockByNumber") {
      return HttpResponse.json({
        jsonrpc: "2.0",
        id,
        error: { code: -32601, message: "the method does not exist/is not available" },
      });
    }
    const { slotMs, genesisMs } = LATTICE_PARAMETERS;
    const seen = this.#clock.now() - (fault?.mode === "lag" ? fault.seconds * 1000 : 0);
    const number = Math.max(0, Math.floor((seen - genesisMs) / slotMs));
    const timestamp = Math.floor((genesisMs + number * slotMs) / 1000);
    return HttpResponse.json({
      jsonrpc: "2.0",
      id,
      result: {
        number: `0x${number.toString(16)}`,
        timestamp: `0x${timestamp.toString(16)}`,
        hash: `0x${number.toString(16).padStart(64, "0")}`,
      },
    });
  }
}
