import type { BinaryContext } from "./cognitora-binary.ts";
import { type FederationSource, federateExposition } from "./federate-exposition.ts";
import { fetchNode } from "./node-fetch.ts";
import { PowerMetrics } from "./power-metrics.ts";
import { TickingBinary } from "./ticking-binary.ts";

/** Fleet ms a federation scrape of one host may take. */
const SCRAPE_TIMEOUT_MS = 10_000;
/** Fleet ms between power readings. */
const POWER_INTERVAL_MS = 5_000;
/** Idle and full-load watts of one GPU; the rest of a host's draw by binary. */
const GPU_IDLE_WATTS = 75;
const GPU_BUSY_WATTS = 350;
const BASE_WATTS: Readonly<Record<string, number>> = {
  "cgn-router": 180,
  "cgn-agent": 320,
  "cgn-kvcached": 240,
  "cgn-metrics": 120,
};

/**
 * cgn-metrics (the document's :9092): federates every other node's /metrics over HTTP into one
 * exposition on GET /metrics, each series labelled with the node and service it came from, plus
 * the cgn-power gauges. It serves nothing else: Prometheus scrapes this union, and only it.
 *
 * It collects from the hosts on its own 5 s tick, as it reads power, and answers a scrape with
 * what it last collected: a scrape never waits on six nested fetches, so a busy fleet does not
 * time out Prometheus' one scrape of the whole system (which staled every Cognitora series at
 * once and reset the `for` of every pending alert). A host that is down, or whose fetch fails,
 * leaves the union at the next collection.
 *
 * @example
 * const metrics = new MetricsBinary(context);
 * await fetch(`${node.url}/metrics`);
 */
export class MetricsBinary extends TickingBinary {
  readonly power = new PowerMetrics();
  readonly #ctx: BinaryContext;
  /** The last collection from each host that answered it, by node id. */
  readonly #hosts = new Map<string, FederationSource>();
  /** The collection under way, if any (one at a time). */
  #collecting: Promise<void> | undefined;
  #collected = false;

  constructor(ctx: BinaryContext) {
    super(ctx.clock, POWER_INTERVAL_MS);
    this.#ctx = ctx;
  }

  /** The union of the per-host endpoints, as last collected, and the power gauges. */
  async exposition(): Promise<string> {
    if (!this.#collected) await this.#collect();
    const sources: FederationSource[] = [...this.#hosts.values()];
    sources.push({ text: await this.power.registry.metrics(), labels: {} });
    return federateExposition(sources);
  }

  /** Fetches every host's /metrics once, unless a collection is already under way. */
  #collect(): Promise<void> {
    this.#collecting ??= this.#fetchHosts().finally(() => {
      this.#collecting = undefined;
      this.#collected = true;
    });
    return this.#collecting;
  }

  async #fetchHosts(): Promise<void> {
    const hosts = this.#ctx.directory.all().filter((e) => e.role !== "cgn-metrics");
    await Promise.all(
      hosts.map(async (host) => {
        // A hung or crashed host is what a federating scrape would time out on or be refused by.
        if (host.state() !== "up") {
          this.#hosts.delete(host.id);
          return;
        }
        try {
          const response = await fetchNode(
            this.#ctx.clock,
            host,
            "/metrics",
            {},
            SCRAPE_TIMEOUT_MS,
          );
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          const text = await response.text();
          this.#hosts.set(host.id, { text, labels: { node: host.id, service: host.role } });
        } catch (error) {
          this.#hosts.delete(host.id);
          this.#ctx.log.warn("cgn_metrics::federate", "scrape failed", {
            host: host.id,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }),
    );
  }

  /** cgn-metrics has no API of its own beyond GET /metrics. */
  async handle(): Promise<boolean> {
    return false;
  }

  protected boot(restarted: boolean): void {
    if (restarted) {
      this.power.registry.resetMetrics();
      this.#hosts.clear();
      this.#collected = false;
    }
    this.#ctx.log.info("cgn_metrics", "cgn-metrics listening", {
      hosts: this.#ctx.directory.all().length - 1,
    });
  }

  utilization(): number {
    return 0.1;
  }

  /**
   * Starts a collection from the hosts (unless one is under way) and reads every host's power
   * (cgn-power): GPUs follow the load, the chassis is the rest of the
   * host's draw (CPUs, memory, fans: its base), and two PSUs share the whole draw, GPUs and
   * chassis, at 94% efficiency. So the parts add up once: `sum(cgn_power_watts{component=~
   * "gpu.*|chassis"})`, the document's cgn:tokens_per_watt_5m divisor, is what the hosts draw.
   */
  protected tick(): void {
    void this.#collect();
    const random = this.#ctx.random;
    for (const host of this.#ctx.directory.all()) {
      const load = host.state() === "crashed" ? 0 : host.utilization();
      let gpus = 0;
      for (let i = 0; i < host.gpus; i++) {
        const watts =
          (GPU_IDLE_WATTS + (GPU_BUSY_WATTS - GPU_IDLE_WATTS) * load) * random.uniform(0.97, 1.03);
        gpus += watts;
        this.power.watts.set({ host: host.id, component: `gpu${i}` }, Math.round(watts));
      }
      const chassis = (BASE_WATTS[host.role] ?? 150) * random.uniform(0.99, 1.01);
      this.power.watts.set({ host: host.id, component: "chassis" }, Math.round(chassis));
      for (const psu of ["psu0", "psu1"]) {
        this.power.watts.set(
          { host: host.id, component: psu },
          Math.round((chassis + gpus) / 2 / 0.94),
        );
      }
    }
  }
}
