import type http from "node:http";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { EffectStack } from "../core/effect-stack.ts";
import { binomial } from "./binomial.ts";
import type { BinaryContext } from "./cognitora-binary.ts";
import { GatewayTraffic } from "./gateway-traffic.ts";
import { httpIo } from "./http-io.ts";
import type { NodeAddress } from "./node-fetch.ts";
import { requestHeaders } from "./request-headers.ts";
import { admit } from "./router-admission.ts";
import { type AgentAnswer, type AgentStats, forwardToAgent } from "./router-agent-forward.ts";
import { scoreAgent } from "./router-agent-score.ts";
import { RouterHitWindow } from "./router-hit-window.ts";
import { RouterInflight } from "./router-inflight.ts";
import { RouterMetrics } from "./router-metrics.ts";
import { lookupPrefixes } from "./router-prefix-lookup.ts";
import type { RequestScope } from "./service-log.ts";
import { TickingBinary } from "./ticking-binary.ts";
import { traceContext } from "./trace-context.ts";

/** Normal share of a batch that fails; far from any alert. */
const ERROR_SHARE = 0.002;
/** Fleet ms an agent that answered 503 is skipped. */
const UNREADY_HOLD_MS = 10_000;
/** Agents tried per request before giving up. */
const MAX_ATTEMPTS = 2;

/**
 * cgn-router: admission control, KV-aware agent selection (router.pick) and forwarding over HTTP
 * to the agents, with its gateway's traffic in front.
 *
 * @example
 * const router = new RouterBinary(context, { url: () => node.url, serve: (r) => node.serve(r) });
 * const heal = router.surges.add(25);
 */
export class RouterBinary extends TickingBinary {
  readonly metrics: RouterMetrics;
  /** Active traffic surges: how many times its usual traffic the gateway sends. */
  readonly surges = new EffectStack<number>();
  readonly #ctx: BinaryContext;
  readonly #gateway: GatewayTraffic;
  readonly #unreadyUntil = new Map<string, number>();
  readonly #agents: AgentStats = { load: new Map(), ttft: new Map() };
  readonly #hits: RouterHitWindow;
  readonly #inflight = new RouterInflight();

  constructor(ctx: BinaryContext, self: NodeAddress) {
    super(ctx.clock, 1000);
    this.#ctx = ctx;
    const { deployment } = ctx;
    this.metrics = new RouterMetrics({
      models: [deployment.chatModel, deployment.embedModel],
      subjects: deployment.subjects,
    });
    this.#gateway = new GatewayTraffic(ctx, self, () => this.surges.max() ?? 1);
    this.#hits = new RouterHitWindow([deployment.chatModel, deployment.embedModel]);
  }

  exposition(): Promise<string> {
    return this.metrics.registry.metrics();
  }

  protected boot(restarted: boolean): void {
    if (restarted) {
      this.metrics.initialize();
      this.#hits.clear();
      this.#inflight.clear();
    }
    this.#ctx.log.info("cgn_router", "cgn-router listening", {
      models: this.#ctx.directory.models().join(","),
    });
  }

  // The gateway's traffic runs while the router does.
  override start(restarted: boolean): void {
    super.start(restarted);
    this.#gateway.start();
  }

  override pause(): void {
    super.pause();
    this.#gateway.stop();
  }

  utilization(): number {
    return this.#inflight.utilization(this.#ctx.clock.now());
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
    const { weight, scope } = requestHeaders(req, random);
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
    this.#inflight.offer(model, weight, start);
    const candidates = directory
      .agentsFor(model)
      .filter((a) => (this.#unreadyUntil.get(a.id) ?? 0) <= start);
    const fastest = Math.min(...candidates.map((a) => this.#agents.ttft.get(a.id) ?? 0));
    const { rateLimited, queueFull, ttftViolations, admitted } = admit(random, weight, {
      queueFullShare: this.#inflight.refusedShare(model, start),
      ttftOverSlo: candidates.length > 0 && fastest * 1000 > deployment.ttftSloMs,
    });
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
    const lookup = await lookupPrefixes(this.#ctx, { model, count: admitted, promptTokens, scope });
    const overlap = lookup.lookups > 0 ? lookup.hits / lookup.lookups : 0;
    const ranked = candidates
      .map((agent) => ({ agent, ...scoreAgent(this.#ctx.random, this.#agents, agent, overlap) }))
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
      answer = await forwardToAgent(this.#ctx, this.#agents, choice.agent, span, {
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
    this.#hits.record(model, lookup.hits, lookup.lookups, Math.floor(clock.now() / 1000));
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
    this.#inflight.add(
      model,
      admitted,
      admitted * ttftSeconds,
      (admitted * Math.max(0, answer.durationMs - answer.ttftMs)) / 1000,
    );
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

  /** Publishes the gauges once a fleet second: hit ratio over the window, in-flight by phase. */
  protected tick(): void {
    const second = Math.floor(this.#ctx.clock.now() / 1000);
    for (const model of [this.#ctx.deployment.chatModel, this.#ctx.deployment.embedModel]) {
      this.metrics.cacheHitRatio.set({ model }, +this.#hits.ratio(model, second).toFixed(4));
      const load = this.#inflight.inflight(model, second * 1000);
      this.metrics.admissionInflight.set({ model, role: "prefill" }, Math.round(load.prefill));
      this.metrics.admissionInflight.set({ model, role: "decode" }, Math.round(load.decode));
    }
  }
}
