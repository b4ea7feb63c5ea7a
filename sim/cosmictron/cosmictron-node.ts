import type http from "node:http";
import type { Clock } from "../core/clock.ts";
import type { Heal } from "../core/fault-definition.ts";
import type { Logger } from "../core/logger.ts";
import { NodeTracing } from "../core/node-tracing.ts";
import { registryExposition } from "../core/registry-exposition.ts";
import type { SeededRandom } from "../core/seeded-random.ts";
import { sendBody } from "../core/send-body.ts";
import type { Exposition } from "../core/sim-node.ts";
import { SimNodeBase } from "../core/sim-node-base.ts";
import { detailedHealth } from "./cosmictron-health.ts";
import { CosmictronMetrics } from "./cosmictron-metrics.ts";
import type { ModuleSpec } from "./cosmictron-modules.ts";
import { CosmictronWorkload } from "./cosmictron-workload.ts";
import { TsaAuthority, type TsaMode } from "./tsa-authority.ts";
import { TsaClient } from "./tsa-client.ts";

/**
 * A simulated Cosmictron node: GET /metrics (its own prom-client Registry), GET /v1/health,
 * /v1/health/ready and /v1/health/detailed, OTLP spans from its own tracer provider, tracing-style
 * logs, and the knobs its faults turn.
 *
 * @example
 * const node = new CosmictronNode({ id: "cosmictron-0", port: 0, clock, random, modules, logger, tsa });
 * await node.start();
 * await fetch(`${node.url}/metrics`);
 */
export class CosmictronNode extends SimNodeBase {
  readonly metrics: CosmictronMetrics;
  readonly modules: readonly ModuleSpec[];
  readonly #workload: CosmictronWorkload;
  readonly #tsa: TsaAuthority;

  constructor(options: {
    id: string;
    port: number;
    clock: Clock;
    /** This node's own generator (derived from the host seed and the node id). */
    random: SeededRandom;
    modules: readonly ModuleSpec[];
    logger: Logger;
    tsa: TsaAuthority;
    otlpEndpoint?: string | undefined;
  }) {
    const tracing = new NodeTracing({
      serviceName: "cosmictron",
      instanceId: options.id,
      otlpEndpoint: options.otlpEndpoint,
    });
    super({
      id: options.id,
      port: options.port,
      tracing,
      log: { logger: options.logger, target: "cosmictron_core" },
    });
    this.modules = options.modules;
    this.#tsa = options.tsa;
    this.metrics = new CosmictronMetrics(options.modules);
    this.#workload = new CosmictronWorkload({
      node: options.id,
      clock: options.clock,
      random: options.random,
      modules: options.modules,
      metrics: this.metrics,
      tracer: tracing.tracer,
      logger: options.logger,
      tsa: new TsaClient({
        clock: options.clock,
        url: TsaAuthority.url,
        node: options.id,
        headers: { [TsaAuthority.nodeHeader]: options.id },
      }),
    });
  }

  protected work(): CosmictronWorkload {
    return this.#workload;
  }

  exposition(): Promise<Exposition> {
    return registryExposition(this.metrics.registry);
  }

  /** The filesystem size behind cosmictron_storage_disk_total_bytes. */
  get diskTotalBytes(): number {
    return this.#workload.diskTotalBytes;
  }

  /** fsync takes about `latencySeconds` until healed. */
  stallFsync(latencySeconds: number): Heal {
    return this.#workload.fsyncStalls.add(latencySeconds);
  }

  /** The next `count` fsyncs take `latencySeconds` each; then fsync is normal again. */
  slowFsyncs(count: number, latencySeconds: number): Heal {
    this.#workload.slowFsyncs = { left: count, seconds: latencySeconds };
    return () => {
      this.#workload.slowFsyncs = { left: 0, seconds: 0 };
    };
  }

  /** `errorRatio` of reducer calls fail until healed. */
  errorBurst(errorRatio: number): Heal {
    return this.#workload.errorBursts.add(errorRatio);
  }

  /**
   * A bulk import sized to bring bytes used to `fillRatio` of the disk: its rows ride on the
   * node's reducer calls over `rampSeconds` (WAL bytes and, after checkpoint, pages); healing
   * drops the imported table.
   */
  fillStorage(fillRatio: number, rampSeconds: number, now: number): Heal {
    const bytes =
      Math.round(fillRatio * this.#workload.diskTotalBytes) - this.#workload.bytesUsed();
    return this.#workload.storage.bulkImport(bytes, rampSeconds * 1000, now);
  }

  /** The timestamp authority fails this node's requests in `mode` until healed. */
  failTsa(mode: Exclude<TsaMode, "ok">): Heal {
    return this.#tsa.degrade(this.id, mode);
  }

  // The node's HTTP surface.
  protected handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    return this.answerGet(req, res, {
      "/v1/health": (r) => sendBody(r, 200, "text/plain; charset=utf-8", "OK"),
      "/v1/health/ready": (r) => {
        const { ready } = this.#health();
        sendBody(
          r,
          ready ? 200 : 503,
          "text/plain; charset=utf-8",
          ready ? "OK" : "Service Unavailable",
        );
      },
      // Diagnostics always answer 200; readiness is the endpoint that fails.
      "/v1/health/detailed": (r) =>
        sendBody(r, 200, "application/json", JSON.stringify(this.#health().body)),
    });
  }

  // Health derived from the same state the gauges publish.
  #health(): ReturnType<typeof detailedHealth> {
    return detailedHealth(this.#workload.health(), this.modules, {
      tsaDegraded: this.#tsa.mode(this.id) !== "ok",
    });
  }
}
