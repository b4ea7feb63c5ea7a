import { HttpResponse } from "msw";
import { InterceptedService } from "../core/intercepted-service.ts";
import { KeyedEffects } from "../core/keyed-effects.ts";
import type { SeededRandom } from "../core/seeded-random.ts";

/** What one completion request asks of the engine. */
interface CompletionRequest {
  readonly model?: unknown;
  readonly prompt_tokens?: unknown;
  readonly max_tokens?: unknown;
  readonly cached_tokens?: unknown;
}

/** The engine's answer: OpenAI-compatible usage plus llama.cpp-style timings. */
export interface CompletionResponse {
  readonly model: string;
  readonly usage: { readonly prompt_tokens: number; readonly completion_tokens: number };
  readonly timings: { readonly ttft_ms: number; readonly decode_ms: number };
}

/**
 * The inference engines behind the agents (vLLM's OpenAI-compatible server, one per agent), an
 * external upstream answered by msw inside the sim host: GET /health and POST /v1/completions
 * or /v1/embeddings. Faults make one agent's engine unready (503) or slow to first token.
 *
 * @example
 * const engine = new EngineUpstream({ random });
 * engine.listen();
 * const heal = engine.slow("cgn-agent-0", 4);
 */
export class EngineUpstream extends InterceptedService {
  // A reserved testing name (RFC 2606): msw's cookie store finds its public suffix at once,
  // where an ordinary name costs a scan of the whole public-suffix list on every request
  // (a third of a virtual-time cognitora run).
  static readonly url = "http://vllm.cognitora.test:8000";
  /** The header an agent sends so the engine knows whose it is. */
  static readonly agentHeader = "x-cognitora-agent";
  readonly #random: SeededRandom;
  readonly #unready = new KeyedEffects<true>();
  readonly #slow = new KeyedEffects<number>();

  constructor(options: { random: SeededRandom }) {
    // One handler for the three routes: msw parses every request once per handler (cookie
    // store included), and the agents call the engine several times per fleet second.
    // A RegExp, which msw matches as it is, rather than a pattern it compiles per request.
    super("all", new RegExp(`^${EngineUpstream.url.replace(/[.]/g, "\\.")}/`));
    this.#random = options.random;
  }

  /** The agent's engine answers 503 (not ready) until the returned heal runs. */
  notReady(agent: string): () => void {
    return this.#unready.add(agent, true);
  }

  /** The agent's engine takes `seconds` more to the first token until the returned heal runs. */
  slow(agent: string, seconds: number): () => void {
    return this.#slow.add(agent, seconds);
  }

  ready(agent: string): boolean {
    return (this.#unready.of(agent)?.size ?? 0) === 0;
  }

  /** GET /health, POST /v1/completions or /v1/embeddings; anything else is unhandled (404). */
  protected answer(request: Request): Promise<Response> | Response | undefined {
    const { pathname } = new URL(request.url);
    if (request.method === "GET" && pathname === "/health") {
      return this.ready(this.#agent(request))
        ? new HttpResponse(null, { status: 200 })
        : HttpResponse.json({ status: "loading" }, { status: 503 });
    }
    if (request.method === "POST" && pathname === "/v1/completions")
      return this.#complete(request, true);
    if (request.method === "POST" && pathname === "/v1/embeddings")
      return this.#complete(request, false);
    return undefined;
  }

  // The agent a request comes from.
  #agent(request: Request): string {
    return request.headers.get(EngineUpstream.agentHeader) ?? "";
  }

  // Answers one generation: prefill scales with uncached prompt tokens, decode with output.
  async #complete(request: Request, chat: boolean): Promise<Response> {
    const agent = this.#agent(request);
    if (!this.ready(agent)) {
      return HttpResponse.json(
        { error: { message: "engine is not ready", type: "ServiceUnavailable" } },
        { status: 503 },
      );
    }
    const body = (await request.json().catch(() => ({}))) as CompletionRequest;
    const prompt = typeof body.prompt_tokens === "number" ? body.prompt_tokens : 256;
    const cached = typeof body.cached_tokens === "number" ? body.cached_tokens : 0;
    const maxTokens = typeof body.max_tokens === "number" ? body.max_tokens : 512;
    const random = this.#random;
    const completion = chat ? Math.min(maxTokens, Math.round(random.logNormal(160, 0.5))) : 0;
    const prefill = random.logNormal(0.12 + Math.max(0, prompt - cached) * 0.00006, 0.3);
    const ttft = prefill + (this.#slow.of(agent)?.max() ?? 0);
    const decode = completion * random.logNormal(0.018, 0.15);
    const answer: CompletionResponse = {
      model: typeof body.model === "string" ? body.model : "unknown",
      usage: { prompt_tokens: prompt, completion_tokens: completion },
      timings: { ttft_ms: +(ttft * 1000).toFixed(3), decode_ms: +(decode * 1000).toFixed(3) },
    };
    return HttpResponse.json(answer);
  }
}
