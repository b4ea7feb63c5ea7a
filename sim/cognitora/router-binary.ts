import type http from "node:http";
import { type Span, SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type { Timer } from "../core/clock.ts";
import { EffectStack } from "../core/effect-stack.ts";
import { clockedFetch } from "./clocked-fetch.ts";
import type { BinaryContext, CognitoraBinary } from "./cognitora-binary.ts";
import type { DirectoryEntry } from "./cognitora-directory.ts";
import { GatewayTraffic } from "./gateway-traffic.ts";
import { httpIo } from "./http-io.ts";
import { RouterMetrics } from "./router-metrics.ts";
import type { RequestScope } from "./service-log.ts";
import { traceContext } from "./trace-context.ts";

/** Normal shares of a batch: rate-limited callers and failed requests; far from any alert. */
const RATE_LIMITED_SHARE = 0.004;
const ERROR_SHARE = 0.002;
/** Admission queue slots per serving phase; a full queue pins the gauge here. */
const ADMISSION_CAPACITY = 128;
/** Share of a batch refused with ttft_violation while the picked agent's TTFT exceeds the SLO. */
const TTFT_VIOLATION_SHARE = 0.1;
/** Fleet ms an agent that answered 503 is skipped. */
const UNREADY_HOLD_MS = 10_000;
/** Fleet seconds the cache hit ratio gauge looks back. */
const HIT_WINDOW_S = 60;
const AGENT_TIMEOUT_MS = 30_000;
const LOOKUP_TIMEOUT_MS = 2_000;
/** Agents tried per request before giving up. */
const MAX_ATTEMPTS = 2;

/** One second's prefix lookups of a model. */
interface HitBucket {
  second: number;
  hits: number;
  lookups: number;
}

/** What an agent answered. */
type AgentAnswer =
  | { ok: true; ttftMs: number; durationMs: number; endMs: number }
  | { ok: false; unready: boolean; reason: string };

/** Counts how many of `n` trials succeed with probability p. */
function binomial(random: BinaryContext["random"], n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (random.chance(p)) k++;
  return k;
}

/**
 * cgn-router: admission control, KV-aware agent selection (router.pick) and forwarding over HTTP
 * to the agents, with its gateway's traffic in front. Faults fill its admission queue.
 *
 * @example
 * const router = new RouterBinary(context, () => node.url);
 * const heal = router.queueFull.add(0.25);
 */
export class RouterBinary implements CognitoraBinary {
  readonly metrics: RouterMetrics;
  /** Active queue-full faults: the share of requests refused with reason queue_full. */
  readonly queueFull = new EffectStack<number>();
  readonly #ctx: BinaryContext;
  readonly #gateway: GatewayTraffic;
  readonly #unreadyUntil = new Map<string, number>();
  readonly #agentTtft = new Map<string, number>();
  readonly #agentLoad = new Map<string, number>();
  readonly #hits = new Map<string, HitBucket[]>();
  readonly #hitRatio = new Map<string, number>();
  readonly #phase = new Map<string, { prefill: number; decode: number }>();
  readonly #inflight = new Map<string, { prefill: number; decode: number }>();
  #timer: Timer | undefined;

  constructor(ctx: BinaryContext, selfUrl: () => string) {
    this.#ctx = ctx;
    const { deployment } = ctx;
    this.metrics = new RouterMetrics({
      models: [deployment.chatModel, deployment.embedModel],
      subjects: deployment.subjects,
    });
    this.#gateway = new GatewayTraffic(ctx, selfUrl);
    for (const model of [deployment.chatModel, deployment.embedModel]) {
      // Until lookups come in, the gauge shows the warm cache a running router would have.
      this.#hitRatio.set(model, 0.6);
    }
  }

  exposition(): Promise<string> {
    return this.metrics.registry.metrics();
  }

  start(restarted: boolean): void {
    if (restarted) {
      this.metrics.initialize();
      this.#hits.clear();
      this.#inflight.clear();
    }
    this.#ctx.log.info("cgn_router", "cgn-router listening", {
      models: this.#ctx.directory.models().join(","),
    });
    this.#publish();
    this.#timer?.cancel();
    this.#timer = this.#ctx.clock.setInterval(() => this.#publish(), 1000);
    this.#gateway.start();
  }

  pause(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
    this.#gateway.stop();
  }

  ready(): boolean {
    return true;
  }

  utilization(): number {
    let inflight = 0;
    for (const v of this.#inflight.values()) inflight += v.prefill + v.decode;
    return Math.min(1, inflight / (2 * ADMISSION_CAPACITY));
  }

  async handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    path: string,
  ): Promise<boolean> {
    if (req.method !== "POST" || (path !== "/v1/chat/completions" && path !== "/v1/embeddings")) {
      return false;
    }
    await this.#ctx.inFlight.track(this.#route(req, res));
    return true;
  }

  // Admission, lookup, pick and forward for one request standing for `weight` identical ones.
  async #route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { clock, random, tracer, log, directory, deployment } = this.#ctx;
    const body = await httpIo.readJson(req);
    const model = typeof body.model === "string" ? body.model : "";
    const promptTokens = typeof body.prompt_tokens === "number" ? body.prompt_tokens : 256;
    const weight = Math.min(
      1000,
      Math.max(1, Number(httpIo.header(req, "x-firedrill-weight")) || 1),
    );
    const scope: RequestScope = {
      requestId: httpIo.header(req, "x-request-id") ?? random.faker.string.uuid(),
      subject: httpIo.header(req, "x-cognitora-subject") ?? "key:anonymous",
    };
    const start = clock.now();
    const span = tracer.startSpan(
      "router.pick",
      { kind: SpanKind.SERVER, startTime: start, attributes: { model } },
      traceContext.extract(req.headers),
    );
    if (!directory.models().includes(model)) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: "unknown model" });
      span.end(start);
      log.warn("cgn_router::pick", "unknown model", { model }, scope);
      return httpIo.sendJson(res, 404, { error: `model ${model} is not served` });
    }
    const labels = { model, subject: scope.subject };
    const rateLimited = binomial(random, weight, RATE_LIMITED_SHARE);
    const queueFull = binomial(random, weight - rateLimited, this.queueFull.max() ?? 0);
    let admitted = weight - rateLimited - queueFull;
    const now = clock.now();
    const candidates = directory
      .agentsFor(model)
      .filter((a) => (this.#unreadyUntil.get(a.id) ?? 0) <= now);
    const fastest = Math.min(...candidates.map((a) => this.#agentTtft.get(a.id) ?? 0));
    const ttftViolations =
      candidates.length > 0 && fastest * 1000 > deployment.ttftSloMs
        ? binomial(random, admitted, TTFT_VIOLATION_SHARE)
        : 0;
    admitted -= ttftViolations;
    this.#reject(model, "queue_full", queueFull, scope);
    this.#reject(model, "ttft_violation", ttftViolations, scope);
    this.metrics.requests.inc({ ...labels, outcome: "rate_limited" }, rateLimited);
    this.metrics.requests.inc(
      { ...labels, outcome: "admission_rejected" },
      queueFull + ttftViolations,
    );
    if (admitted === 0) {
      span.setAttribute("admission", "rejected");
      span.end(start + 0.05);
      const status = rateLimited === weight ? 429 : 503;
      log.info("cgn_router::admission", "request refused", { model, status }, scope);
      return httpIo.sendJson(res, status, { error: "request refused", end_ms: start + 0.05 });
    }

    const routing = random.logNormal(0.00006, 0.5);
    const lookup = await this.#lookup(model, admitted, promptTokens, scope);
    const overlap = lookup.lookups > 0 ? lookup.hits / lookup.lookups : 0;
    const ranked = candidates
      .map((agent) => ({ agent, ...this.#score(agent, overlap) }))
      .sort((a, b) => b.score - a.score);
    let answer: AgentAnswer = { ok: false, unready: true, reason: "no ready agent" };
    for (const choice of ranked.slice(0, MAX_ATTEMPTS)) {
      span.setAttributes({
        score: +choice.score.toFixed(4),
        node_id: choice.agent.nodeId,
        kv_overlap: +overlap.toFixed(4),
        load: choice.load,
        power: choice.power,
      });
      answer = await this.#forward(choice.agent, span, {
        model,
        weight: admitted,
        promptTokens,
        cachedTokens: Math.round(promptTokens * overlap),
        scope,
        startMs: start + routing * 1000,
      });
      if (answer.ok) break;
      if (answer.unready) this.#unreadyUntil.set(choice.agent.id, clock.now() + UNREADY_HOLD_MS);
    }
    for (let i = 0; i < admitted; i++) {
      this.metrics.routingDecision.observe({ model }, routing * random.logNormal(1, 0.3));
    }
    this.#recordHits(model, lookup.hits, lookup.lookups);
    if (!answer.ok) {
      const end = Math.max(clock.now(), start + routing * 1000);
      span.setStatus({ code: SpanStatusCode.ERROR, message: answer.reason });
      span.end(end);
      if (answer.unready) {
        this.#reject(model, "unavailable", admitted, scope);
        this.metrics.requests.inc({ ...labels, outcome: "admission_rejected" }, admitted);
      } else {
        this.metrics.requests.inc({ ...labels, outcome: "error" }, admitted);
      }
      log.warn(
        "cgn_router::pick",
        "no agent could serve the request",
        { model, error: answer.reason },
        scope,
      );
      return httpIo.sendJson(res, answer.unready ? 503 : 502, {
        error: answer.reason,
        end_ms: end,
      });
    }
    const failed = binomial(random, admitted, ERROR_SHARE);
    this.metrics.requests.inc({ ...labels, outcome: "error" }, failed);
    this.metrics.requests.inc({ ...labels, outcome: "ok" }, admitted - failed);
    const ttftSeconds = routing + answer.ttftMs / 1000;
    for (let i = 0; i < admitted; i++) {
      this.metrics.ttft.observe({ model }, ttftSeconds * random.logNormal(1, 0.2));
    }
    const phase = this.#phase.get(model) ?? { prefill: 0, decode: 0 };
    phase.prefill += admitted * ttftSeconds;
    phase.decode += (admitted * Math.max(0, answer.durationMs - answer.ttftMs)) / 1000;
    this.#phase.set(model, phase);
    const end = Math.max(answer.endMs + 0.1, start + routing * 1000 + answer.durationMs);
    span.end(end);
    log.info(
      "cgn_router::pick",
      "request completed",
      { model, ttft_ms: Math.round(ttftSeconds * 1000), kv_overlap: +overlap.toFixed(3) },
      scope,
    );
    httpIo.sendJson(res, 200, {
      model,
      cache_hit: overlap >= 0.5,
      ttft_ms: ttftSeconds * 1000,
      end_ms: end,
    });
  }

  // Counts refused requests and says why.
  #reject(model: string, reason: string, count: number, scope: RequestScope): void {
    if (count === 0) return;
    this.metrics.admissionRejected.inc({ model, reason }, count);
    this.#ctx.log.debug(
      "cgn_router::admission",
      "admission rejected",
      { model, reason, count },
      scope,
    );
  }

  // Asks the model's kvcached shard how many of `count` prompts have their prefix cached.
  async #lookup(
    model: string,
    count: number,
    promptTokens: number,
    scope: RequestScope,
  ): Promise<{ hits: number; lookups: number }> {
    const shard = this.#ctx.directory.kvcachedFor(model);
    if (!shard) return { hits: 0, lookups: count };
    try {
      const query = new URLSearchParams({
        model,
        n: String(count),
        blocks: String(Math.ceil(promptTokens / 16)),
      });
      const response = await clockedFetch(
        this.#ctx.clock,
        `${shard.url()}/v1/lookup?${query}`,
        { headers: { "x-request-id": scope.requestId } },
        LOOKUP_TIMEOUT_MS,
      );
      const body = (await response.json()) as { hits?: unknown; lookups?: unknown };
      if (response.ok && typeof body.hits === "number" && typeof body.lookups === "number") {
        return { hits: body.hits, lookups: body.lookups };
      }
    } catch (error) {
      this.#ctx.log.warn(
        "cgn_router::cache",
        "kvcached lookup failed",
        { shard: shard.id, error: String(error) },
        scope,
      );
    }
    return { hits: 0, lookups: count };
  }

  // Scores an agent: prefix overlap first, then its load here, then its power draw.
  #score(agent: DirectoryEntry, overlap: number): { score: number; load: number; power: number } {
    const load = this.#agentLoad.get(agent.id) ?? 0;
    const power = +agent.utilization().toFixed(3);
    const score =
      0.5 * overlap +
      0.35 * (1 - Math.min(1, load / 8)) +
      0.15 * (1 - power) +
      this.#ctx.random.uniform(0, 0.05);
    return { score, load, power };
  }

  // Sends the request to one agent with the router.pick span as parent.
  async #forward(
    agent: DirectoryEntry,
    span: Span,
    request: {
      model: string;
      weight: number;
      promptTokens: number;
      cachedTokens: number;
      scope: RequestScope;
      startMs: number;
    },
  ): Promise<AgentAnswer> {
    this.#agentLoad.set(agent.id, (this.#agentLoad.get(agent.id) ?? 0) + 1);
    try {
      const response = await clockedFetch(
        this.#ctx.clock,
        `${agent.url()}/v1/generate`,
        {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-request-id": request.scope.requestId,
            "x-cognitora-subject": request.scope.subject,
            "x-firedrill-weight": String(request.weight),
            ...traceContext.inject(span),
          },
          body: JSON.stringify({
            model: request.model,
            prompt_tokens: request.promptTokens,
            cached_tokens: request.cachedTokens,
            max_tokens: 512,
            start_ms: request.startMs,
          }),
        },
        AGENT_TIMEOUT_MS,
      );
      const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      if (response.status === 503) return { ok: false, unready: true, reason: "engine not ready" };
      if (!response.ok)
        return { ok: false, unready: false, reason: `agent answered ${response.status}` };
      const ttftMs = Number(body.ttft_ms) || 0;
      const durationMs = Number(body.duration_ms) || ttftMs;
      this.#agentTtft.set(agent.id, ttftMs / 1000);
      return {
        ok: true,
        ttftMs,
        durationMs,
        endMs: Number(body.end_ms) || request.startMs + durationMs,
      };
    } catch (error) {
      return {
        ok: false,
        unready: false,
        reason: error instanceof Error ? error.message : String(error),
      };
    } finally {
      this.#agentLoad.set(agent.id, Math.max(0, (this.#agentLoad.get(agent.id) ?? 1) - 1));
    }
  }

  // Adds one second's lookups to the model's window.
  #recordHits(model: string, hits: number, lookups: number): void {
    const second = Math.floor(this.#ctx.clock.now() / 1000);
    const buckets = this.#hits.get(model) ?? [];
    const last = buckets[buckets.length - 1];
    if (last?.second === second) {
      last.hits += hits;
      last.lookups += lookups;
    } else buckets.push({ second, hits, lookups });
    while ((buckets[0]?.second ?? second) <= second - HIT_WINDOW_S) buckets.shift();
    this.#hits.set(model, buckets);
  }

  // Publishes the gauges once a fleet second: hit ratio over the window, in-flight by phase.
  #publish(): void {
    const second = Math.floor(this.#ctx.clock.now() / 1000);
    const full = this.queueFull.size > 0;
    for (const model of [this.#ctx.deployment.chatModel, this.#ctx.deployment.embedModel]) {
      const buckets = (this.#hits.get(model) ?? []).filter((b) => b.second > second - HIT_WINDOW_S);
      const lookups = buckets.reduce((sum, b) => sum + b.lookups, 0);
      if (lookups > 0) {
        this.#hitRatio.set(model, buckets.reduce((sum, b) => sum + b.hits, 0) / lookups);
      }
      this.metrics.cacheHitRatio.set({ model }, +(this.#hitRatio.get(model) ?? 0).toFixed(4));
      // Little's law: requests in flight = seconds of work that arrived in the last second.
      const arrived = this.#phase.get(model) ?? { prefill: 0, decode: 0 };
      const previous = this.#inflight.get(model) ?? { prefill: 0, decode: 0 };
      const smoothed = {
        prefill: full ? ADMISSION_CAPACITY : 0.7 * previous.prefill + 0.3 * arrived.prefill,
        decode: full ? ADMISSION_CAPACITY : 0.7 * previous.decode + 0.3 * arrived.decode,
      };
      this.#inflight.set(model, smoothed);
      this.#phase.set(model, { prefill: 0, decode: 0 });
      this.metrics.admissionInflight.set({ model, role: "prefill" }, Math.round(smoothed.prefill));
      this.metrics.admissionInflight.set({ model, role: "decode" }, Math.round(smoothed.decode));
    }
  }
}
