import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { RepeatingTimer } from "../core/repeating-timer.ts";
import type { BinaryContext } from "./cognitora-binary.ts";
import { fetchNode, type NodeAddress } from "./node-fetch.ts";
import { traceContext } from "./trace-context.ts";

/** The traffic one gateway sends its router. */
const TRAFFIC = {
  /** Real HTTP requests per fleet second, at most. */
  maxRequestsPerSecond: 3,
  /** Mean real requests per fleet second. */
  requestsPerSecond: 1.6,
  /** Mean of the extra identical requests one real request stands for in the counters. */
  extraWeight: 4,
  /** Share of chat traffic when both models are served. */
  chatShare: 0.75,
  /** Fleet ms the gateway waits for the router. */
  routerTimeoutMs: 60_000,
} as const;

/**
 * The API gateway in front of one router: each fleet second it sends a few real requests to the
 * router's /v1/chat/completions or /v1/embeddings over loopback, each the root span of a trace
 * (gateway.chat / gateway.embed), with x-request-id, the cgn-auth subject and a traceparent. One
 * request stands for several identical ones (x-firedrill-weight), so the counters see a
 * realistic rate while the request volume stays bounded at any speed.
 *
 * @example
 * const gateway = new GatewayTraffic(context, routerAddress);
 * gateway.start();
 */
export class GatewayTraffic {
  readonly #ctx: BinaryContext;
  readonly #router: NodeAddress;
  readonly #seconds: RepeatingTimer;
  readonly #surge: () => number;

  /** `surge()` is how many times its usual traffic the gateway sends now (1: as usual). */
  constructor(ctx: BinaryContext, router: NodeAddress, surge: () => number = () => 1) {
    this.#ctx = ctx;
    this.#router = router;
    this.#surge = surge;
    this.#seconds = new RepeatingTimer(ctx.clock, 1000, () => this.#tick());
  }

  start(): void {
    this.#seconds.start();
  }

  stop(): void {
    this.#seconds.stop();
  }

  // One fleet second of client traffic.
  #tick(): void {
    const count = Math.min(
      TRAFFIC.maxRequestsPerSecond,
      this.#ctx.random.poisson(TRAFFIC.requestsPerSecond),
    );
    for (let i = 0; i < count; i++) void this.#ctx.inFlight.track(this.#send());
  }

  // Sends one request through the router and ends its root span with the answer.
  async #send(): Promise<void> {
    const { random, deployment, directory, clock, tracer } = this.#ctx;
    const models = directory.models();
    if (models.length === 0) return;
    const model =
      models.includes(deployment.chatModel) &&
      (models.length === 1 || random.chance(TRAFFIC.chatShare))
        ? deployment.chatModel
        : random.pick(models.filter((m) => m !== deployment.chatModel));
    const chat = model !== deployment.embedModel;
    const subject = random.pick(deployment.subjects);
    const promptTokens = Math.max(
      8,
      Math.round(chat ? random.logNormal(600, 0.7) : random.logNormal(120, 0.5)),
    );
    const requestId = random.faker.string.uuid();
    const weight = Math.round((1 + random.poisson(TRAFFIC.extraWeight)) * this.#surge());
    const start = clock.now();
    const span = tracer.startSpan(chat ? "gateway.chat" : "gateway.embed", {
      kind: SpanKind.SERVER,
      startTime: start,
      attributes: { model, subject, prompt_tokens: promptTokens },
    });
    try {
      const response = await fetchNode(
        clock,
        this.#router,
        chat ? "/v1/chat/completions" : "/v1/embeddings",
        {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-request-id": requestId,
            "x-cognitora-subject": subject,
            "x-firedrill-weight": String(weight),
            ...traceContext.inject(span),
          },
          body: JSON.stringify({ model, prompt_tokens: promptTokens, max_tokens: 512 }),
        },
        TRAFFIC.routerTimeoutMs,
      );
      const body = (await response.json().catch(() => ({}))) as {
        cache_hit?: unknown;
        end_ms?: unknown;
      };
      span.setAttribute("cache_hit", body.cache_hit === true);
      span.setAttribute("http.response.status_code", response.status);
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      const end = typeof body.end_ms === "number" ? body.end_ms + 0.2 : clock.now();
      span.end(Math.max(end, clock.now(), start));
    } catch (error) {
      span.setAttribute("cache_hit", false);
      span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
      span.end(Math.max(clock.now(), start));
    }
  }
}
