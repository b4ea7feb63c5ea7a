import type http from "node:http";
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { Timer } from "../core/clock.ts";
import { AgentMetrics } from "./agent-metrics.ts";
import { clockedFetch } from "./clocked-fetch.ts";
import type { BinaryContext, CognitoraBinary } from "./cognitora-binary.ts";
import { type CompletionResponse, EngineUpstream } from "./engine-upstream.ts";
import { httpIo } from "./http-io.ts";
import { requestHeaders } from "./request-headers.ts";
import { traceContext } from "./trace-context.ts";

/** Fleet ms between engine health checks. */
const HEALTH_INTERVAL_MS = 5_000;
const ENGINE_TIMEOUT_MS = 60_000;
/** Tokens per fleet second that make the host's GPUs fully busy. */
const TOKENS_AT_FULL_LOAD = 12_000;
/** Tokens per KV-cache block. */
const BLOCK_TOKENS = 16;

/**
 * cgn-agent: runs one model on an inference engine (an external vLLM upstream, answered by msw),
 * checks the engine's health, and serves /v1/generate for the routers with agent.generate and
 * engine.forward spans under the router's.
 *
 * @example
 * const agent = new AgentBinary(context, "qwen2.5-7b-instruct");
 * agent.start(false);
 */
export class AgentBinary implements CognitoraBinary {
  readonly metrics: AgentMetrics;
  readonly model: string;
  readonly #ctx: BinaryContext;
  #ready = false;
  #tokens = 0;
  #tokensPerSecond = 0;
  #timers: Timer[] = [];

  constructor(ctx: BinaryContext, model: string) {
    this.#ctx = ctx;
    this.model = model;
    this.metrics = new AgentMetrics(model);
  }

  exposition(): Promise<string> {
    return this.metrics.registry.metrics();
  }

  start(restarted: boolean): void {
    if (restarted) {
      this.metrics.initialize();
      this.#ready = false;
    }
    this.#ctx.log.info("cgn_agent::engine", "engine driver started", {
      model: this.model,
      engine: "vllm",
      upstream: EngineUpstream.url,
    });
    this.pause();
    this.#checkHealth();
    this.#timers.push(this.#ctx.clock.setInterval(() => this.#checkHealth(), HEALTH_INTERVAL_MS));
    this.#timers.push(
      this.#ctx.clock.setInterval(() => {
        this.#tokensPerSecond = 0.8 * this.#tokensPerSecond + 0.2 * this.#tokens;
        this.#tokens = 0;
      }, 1000),
    );
  }

  pause(): void {
    for (const timer of this.#timers) timer.cancel();
    this.#timers = [];
  }

  ready(): boolean {
    return this.#ready;
  }

  utilization(): number {
    return Math.min(1, this.#tokensPerSecond / TOKENS_AT_FULL_LOAD);
  }

  async handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    path: string,
  ): Promise<boolean> {
    if (req.method !== "POST" || path !== "/v1/generate") return false;
    await this.#ctx.inFlight.track(this.#generate(req, res));
    return true;
  }

  // Asks the engine whether it is ready and publishes the answer.
  #checkHealth(): void {
    const { clock } = this.#ctx;
    void this.#ctx.inFlight.track(
      clockedFetch(
        clock,
        `${EngineUpstream.url}/health`,
        { headers: { [EngineUpstream.agentHeader]: this.#ctx.id } },
        HEALTH_INTERVAL_MS,
      ).then(
        (response) => this.#setReady(response.ok, `engine answered ${response.status}`),
        (error: unknown) => this.#setReady(false, String(error)),
      ),
    );
  }

  // Sets the readiness gauge, logging changes.
  #setReady(ready: boolean, why: string): void {
    if (ready !== this.#ready) {
      if (ready) this.#ctx.log.info("cgn_agent::engine", "engine ready", { model: this.model });
      else
        this.#ctx.log.warn("cgn_agent::engine", "engine not ready", {
          model: this.model,
          error: why,
        });
    }
    this.#ready = ready;
    this.metrics.engineReady.set({ model: this.model }, ready ? 1 : 0);
  }

  // Runs one generation (standing for `weight` identical ones) on the engine.
  async #generate(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { clock, random, tracer, log } = this.#ctx;
    const body = await httpIo.readJson(req);
    const { weight, scope } = requestHeaders(req, random);
    const promptTokens = typeof body.prompt_tokens === "number" ? body.prompt_tokens : 256;
    const cachedTokens = typeof body.cached_tokens === "number" ? body.cached_tokens : 0;
    const start = Math.max(clock.now(), typeof body.start_ms === "number" ? body.start_ms : 0);
    const queueMs = random.logNormal(8, 0.6);
    const span = tracer.startSpan(
      "agent.generate",
      {
        kind: SpanKind.SERVER,
        startTime: start,
        attributes: { model: this.model, prompt_tokens: promptTokens },
      },
      traceContext.extract(req.headers),
    );
    const forwardStart = start + queueMs;
    const forward = tracer.startSpan(
      "engine.forward",
      {
        kind: SpanKind.CLIENT,
        startTime: forwardStart,
        attributes: { engine: "vllm", "server.address": EngineUpstream.url, model: this.model },
      },
      trace.setSpan(ROOT_CONTEXT, span),
    );
    const chat = this.model !== this.#ctx.deployment.embedModel;
    let answer: CompletionResponse | undefined;
    let failure: { status: number; reason: string } | undefined;
    try {
      const response = await clockedFetch(
        clock,
        `${EngineUpstream.url}${chat ? "/v1/completions" : "/v1/embeddings"}`,
        {
          method: "POST",
          headers: {
            "content-type": "application/json",
            [EngineUpstream.agentHeader]: this.#ctx.id,
            ...traceContext.inject(forward),
          },
          body: JSON.stringify({
            model: this.model,
            prompt_tokens: promptTokens,
            cached_tokens: cachedTokens,
            max_tokens: typeof body.max_tokens === "number" ? body.max_tokens : 512,
          }),
        },
        ENGINE_TIMEOUT_MS,
      );
      if (response.ok) answer = (await response.json()) as CompletionResponse;
      else {
        failure = {
          status: response.status === 503 ? 503 : 502,
          reason: `engine answered ${response.status}`,
        };
        if (response.status === 503) this.#setReady(false, failure.reason);
      }
    } catch (error) {
      failure = { status: 502, reason: error instanceof Error ? error.message : String(error) };
    }
    if (!answer) {
      const reason = failure?.reason ?? "no answer";
      const end = Math.max(clock.now(), forwardStart);
      forward.setStatus({ code: SpanStatusCode.ERROR, message: reason });
      forward.end(end);
      span.setStatus({ code: SpanStatusCode.ERROR, message: reason });
      span.end(end);
      log.warn(
        "cgn_agent::engine",
        "generation failed",
        { model: this.model, error: reason },
        scope,
      );
      return httpIo.sendJson(res, failure?.status ?? 502, { error: reason, end_ms: end });
    }
    const { ttft_ms: engineTtft, decode_ms: decode } = answer.timings;
    const upstreamMs = engineTtft + decode;
    const forwardEnd = Math.max(clock.now(), forwardStart + upstreamMs);
    forward.setAttributes({
      "http.response.status_code": 200,
      upstream_latency_ms: +upstreamMs.toFixed(3),
      completion_tokens: answer.usage.completion_tokens,
    });
    forward.end(forwardEnd);
    const end = forwardEnd + 0.2;
    span.setAttribute("completion_tokens", answer.usage.completion_tokens);
    span.end(end);

    const model = this.model;
    const ttftMs = queueMs + engineTtft;
    const durationMs = end - start;
    for (let i = 0; i < weight; i++) {
      this.metrics.generate.observe({ model }, (durationMs / 1000) * random.logNormal(1, 0.2));
    }
    const tokens = (answer.usage.prompt_tokens + answer.usage.completion_tokens) * weight;
    this.metrics.tokens.inc({ model }, tokens);
    this.#tokens += tokens;
    const blocks = Math.ceil(tokens / BLOCK_TOKENS);
    const fetched = Math.floor((cachedTokens * weight) / BLOCK_TOKENS);
    const kv = this.metrics.kvBlocks;
    kv.inc({ tier: "gpu", op: "alloc" }, blocks);
    kv.inc({ tier: "gpu", op: "free" }, blocks);
    kv.inc({ tier: "cpu", op: "fetch" }, fetched);
    kv.inc({ tier: "cpu", op: "offload" }, Math.round(blocks * 0.3));
    kv.inc({ tier: "cpu", op: "evict" }, Math.round(blocks * 0.1));
    kv.inc({ tier: "disk", op: "offload" }, Math.round(blocks * 0.05));
    log.info(
      "cgn_agent::generate",
      "generation finished",
      {
        model,
        prompt_tokens: answer.usage.prompt_tokens,
        completion_tokens: answer.usage.completion_tokens,
        ttft_ms: Math.round(ttftMs),
      },
      scope,
    );
    httpIo.sendJson(res, 200, {
      ttft_ms: ttftMs,
      duration_ms: durationMs,
      completion_tokens: answer.usage.completion_tokens,
      end_ms: end,
    });
  }
}
