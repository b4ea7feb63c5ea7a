import type http from "node:http";
import { EffectStack } from "../core/effect-stack.ts";
import type { BinaryContext } from "./cognitora-binary.ts";
import { httpIo } from "./http-io.ts";
import { KvcachedMetrics } from "./kvcached-metrics.ts";
import { TickingBinary } from "./ticking-binary.ts";

/** Bytes of one KV block: 16 tokens × K and V × 32 layers × 8 KV heads × 128 dims × 2 bytes. */
const BLOCK_BYTES = 16 * 2 * 32 * 8 * 128 * 2;
/** Share of hits served from host memory; the rest come from local disk. */
const CPU_HIT_SHARE = 0.8;
/** Fleet ms between updates of the tier gauges. */
const GAUGE_INTERVAL_MS = 5_000;

/**
 * cgn-kvcached: the shared KV-cache daemon. Routers ask it over HTTP (GET /v1/lookup) how many of
 * a batch of prompts have their prefix cached; it answers from a seeded hit probability per model
 * and keeps blocks in host memory and on disk. The cache-collapse fault flushes it.
 *
 * @example
 * const kvcached = new KvcachedBinary(context);
 * const heal = kvcached.collapse.add(0.1);
 */
export class KvcachedBinary extends TickingBinary {
  readonly metrics = new KvcachedMetrics();
  /** Active cache-collapse faults: the hit probability while collapsed. */
  readonly collapse = new EffectStack<number>();
  readonly #ctx: BinaryContext;
  readonly #hitProbability = new Map<string, number>();
  readonly #target: { cpu: number; disk: number };
  #blocks = { cpu: 0, disk: 0 };
  #lookups = 0;

  constructor(ctx: BinaryContext) {
    super(ctx.clock, GAUGE_INTERVAL_MS);
    this.#ctx = ctx;
    const random = ctx.random;
    for (const model of [ctx.deployment.chatModel, ctx.deployment.embedModel]) {
      this.#hitProbability.set(model, random.uniform(0.55, 0.72));
    }
    this.#target = { cpu: random.int(30_000, 60_000), disk: random.int(150_000, 300_000) };
  }

  exposition(): Promise<string> {
    return this.metrics.registry.metrics();
  }

  protected boot(restarted: boolean): void {
    if (restarted) this.metrics.initialize();
    // A running daemon has a warm cache; after a crash host memory starts empty.
    this.#blocks = restarted ? { cpu: 0, disk: this.#blocks.disk } : { ...this.#target };
    this.#ctx.log.info("cgn_kvcached::store", "kvcached listening", {
      cpu_blocks: this.#blocks.cpu,
      disk_blocks: this.#blocks.disk,
    });
  }

  utilization(): number {
    return Math.min(1, this.#lookups / 2_000);
  }

  async handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    path: string,
  ): Promise<boolean> {
    if (req.method !== "GET" || path !== "/v1/lookup") return false;
    const query = new URL(req.url ?? "/", "http://kvcached").searchParams;
    const model = query.get("model") ?? "";
    const n = Math.min(1000, Math.max(1, Number(query.get("n")) || 1));
    const random = this.#ctx.random;
    const p =
      this.collapse.size > 0
        ? (this.collapse.latest() ?? 0)
        : (this.#hitProbability.get(model) ?? 0);
    let hits = 0;
    for (let i = 0; i < n; i++) {
      const hit = random.chance(p);
      const tier = hit && random.chance(CPU_HIT_SHARE) ? "cpu" : "disk";
      const seconds = random.logNormal(tier === "cpu" ? 0.0004 : 0.003, 0.5);
      this.metrics.lookup.observe({ tier, outcome: hit ? "hit" : "miss" }, seconds);
      if (hit) hits++;
    }
    this.#lookups += n;
    this.#ctx.log.debug(
      "cgn_kvcached::store",
      "prefix lookup",
      { model, lookups: n, hits },
      { requestId: httpIo.header(req, "x-request-id") ?? "", subject: "" },
    );
    httpIo.sendJson(res, 200, { model, lookups: n, hits });
    return true;
  }

  /** Moves the tier sizes toward their level (a collapse flushes them) and publishes them. */
  protected tick(): void {
    const collapsed = this.collapse.size > 0;
    for (const tier of ["cpu", "disk"] as const) {
      const target = collapsed ? this.#target[tier] * 0.05 : this.#target[tier];
      const step = collapsed ? 0.5 : 0.1;
      const next = this.#blocks[tier] + (target - this.#blocks[tier]) * step;
      this.#blocks[tier] = Math.round(next * this.#ctx.random.uniform(0.995, 1.005));
      this.metrics.blocks.set({ tier }, this.#blocks[tier]);
      this.metrics.bytes.set({ tier }, this.#blocks[tier] * BLOCK_BYTES);
    }
    this.#lookups = Math.round(this.#lookups * 0.5);
  }
}
