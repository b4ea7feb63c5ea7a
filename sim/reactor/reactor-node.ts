import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import type http from "node:http";
import type { Clock } from "../core/clock.ts";
import type { Heal } from "../core/fault-definition.ts";
import type { Logger } from "../core/logger.ts";
import { registryExposition } from "../core/registry-exposition.ts";
import type { SeededRandom } from "../core/seeded-random.ts";
import { sendBody } from "../core/send-body.ts";
import type { Exposition } from "../core/sim-node.ts";
import { SimNodeBase } from "../core/sim-node-base.ts";
import { CAPABILITIES, type Capability } from "./reactor-capabilities.ts";
import type { ReactorDeployment } from "./reactor-deployment.ts";
import { reactorDoctor, reactorHealth } from "./reactor-health.ts";
import { ReactorLog } from "./reactor-log.ts";
import { streamLogs } from "./reactor-log-stream.ts";
import { ReactorMetrics } from "./reactor-metrics.ts";
import type { ErrorBurst } from "./reactor-request-model.ts";
import { ReactorWorkload } from "./reactor-workload.ts";

/** The version every capability of the simulated binary reports. */
const VERSION = "0.1.0";
/** An incoming X-Request-Id is echoed only when it is printable ASCII of sane length. */
const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/** Writes a JSON response. */
function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  sendBody(res, status, "application/json", `${JSON.stringify(body)}\n`);
}

/** Compares two secrets in constant time. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * A simulated unified reactor-server: GET /metrics (its own prom-client Registry), GET /health,
 * the admin endpoints GET /_admin/doctor, /_admin/logs (SSE) and /_admin/version behind
 * `Authorization: Bearer <token>`, the capability routes (/auth, /data, /storage, /functions,
 * /jobs, /sites) served by the same model as the seeded workload, X-Request-Id on every response,
 * and JSON logs with target reactor_<capability>. No spans: Reactor v0 exports none.
 *
 * @example
 * const node = new ReactorNode({ id: "reactor-0", port: 0, clock, random, deployment, logger, adminToken });
 * await node.start();
 * await fetch(`${node.url}/health`);
 */
export class ReactorNode extends SimNodeBase {
  readonly metrics: ReactorMetrics;
  readonly log: ReactorLog;
  readonly #clock: Clock;
  readonly #adminToken: string;
  readonly #workload: ReactorWorkload;
  /** The tenant real requests to the capability routes are counted against. */
  readonly #tenant: string;

  constructor(options: {
    id: string;
    port: number;
    clock: Clock;
    /** This node's own generator (derived from the host seed and the node id). */
    random: SeededRandom;
    deployment: ReactorDeployment;
    logger: Logger;
    adminToken: string;
  }) {
    super({ id: options.id, port: options.port });
    this.#clock = options.clock;
    this.#adminToken = options.adminToken;
    this.#tenant = options.deployment.tenants[0] ?? "default";
    this.metrics = new ReactorMetrics(options.deployment);
    this.log = new ReactorLog({ clock: options.clock, logger: options.logger });
    this.#workload = new ReactorWorkload({
      clock: options.clock,
      random: options.random,
      deployment: options.deployment,
      metrics: this.metrics,
      log: this.log,
    });
  }

  protected work(): ReactorWorkload {
    return this.#workload;
  }

  exposition(): Promise<Exposition> {
    return registryExposition(this.metrics.registry);
  }

  /** `ratio` of one capability's (or every capability's) requests answer 5xx until healed. */
  errorBurst(burst: ErrorBurst): Heal {
    return this.#workload.errorBursts.add(burst);
  }

  /** The job workers progress `slowdown` times slower until healed; the queue backs up behind them. */
  stallJobWorkers(slowdown: number): Heal {
    return this.#workload.stalls.add(slowdown);
  }

  /** DB-backed requests' queries take about `querySeconds` until healed; the pool may run dry. */
  slowDbQueries(querySeconds: number): Heal {
    return this.#workload.slowQueries.add(querySeconds);
  }

  /** The capability's health check fails: /health answers 503 naming it, its routes 503. */
  failCapability(capability: Capability): Heal {
    return this.#workload.unhealthy.add(capability);
  }

  // The node's HTTP surface; every response carries X-Request-Id.
  protected async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const incoming = req.headers["x-request-id"];
    const requestId =
      typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader("x-request-id", requestId);
    const url = new URL(req.url ?? "/", "http://reactor");
    const path = url.pathname;
    const method = req.method ?? "GET";
    const capability = path.split("/")[1] as Capability;
    if ((CAPABILITIES as readonly string[]).includes(capability)) {
      const { status } = this.#workload.serve({ capability, method, path, tenant: this.#tenant });
      if (status === 204 || status === 304) {
        res.writeHead(status);
        res.end();
        return;
      }
      return sendJson(res, status, status < 400 ? { ok: true } : { error: `HTTP ${status}` });
    }
    if (method !== "GET" && method !== "HEAD") {
      return sendJson(res, 405, { error: "method not allowed" });
    }
    if (path === "/metrics") return this.sendExposition(res);
    if (path === "/health") {
      const { code, body } = reactorHealth(this.#workload.state());
      return sendJson(res, code, body);
    }
    if (path === "/_admin" || path.startsWith("/_admin/")) {
      if (!this.#authorized(req)) {
        res.setHeader("www-authenticate", 'Bearer realm="reactor"');
        return sendJson(res, 401, { error: "unauthorized" });
      }
      switch (path) {
        case "/_admin/doctor":
          return sendJson(res, 200, reactorDoctor(this.#workload.state()));
        case "/_admin/version":
          return sendJson(res, 200, {
            reactor: VERSION,
            capabilities: Object.fromEntries(CAPABILITIES.map((c) => [c, VERSION])),
          });
        case "/_admin/logs":
          return streamLogs(req, res, {
            log: this.log,
            clock: this.#clock,
            query: url.searchParams,
          });
      }
    }
    return sendJson(res, 404, { error: "not found" });
  }

  // Whether the request carries the admin bearer token.
  #authorized(req: http.IncomingMessage): boolean {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
    return match?.[1] !== undefined && sameSecret(match[1], this.#adminToken);
  }
}
