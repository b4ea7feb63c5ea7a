import type http from "node:http";
import type { Sampler, SpanExporter } from "@opentelemetry/sdk-trace-base";
import type { Clock } from "../core/clock.ts";
import type { InProcessRequest } from "../core/in-process-exchange.ts";
import type { Logger } from "../core/logger.ts";
import { NodeTracing } from "../core/node-tracing.ts";
import type { SeededRandom } from "../core/seeded-random.ts";
import type { Exposition } from "../core/sim-node.ts";
import { SimNodeBase } from "../core/sim-node-base.ts";
import { AgentBinary } from "./agent-binary.ts";
import type { BinaryContext, CognitoraBinary } from "./cognitora-binary.ts";
import type { CognitoraDeployment } from "./cognitora-deployment.ts";
import type { CognitoraDirectory } from "./cognitora-directory.ts";
import type { CognitoraRole } from "./cognitora-role.ts";
import { httpIo } from "./http-io.ts";
import { InFlight } from "./in-flight.ts";
import { KvcachedBinary } from "./kvcached-binary.ts";
import { MetricsBinary } from "./metrics-binary.ts";
import type { NodeAddress } from "./node-fetch.ts";
import { RouterBinary } from "./router-binary.ts";
import { ServiceLog } from "./service-log.ts";

/** What a Cognitora node is built from; the system host fills it in. */
export interface CognitoraNodeOptions {
  readonly id: string;
  readonly role: CognitoraRole;
  readonly port: number;
  readonly clock: Clock;
  /** This node's own generator (derived from the host seed and the node id). */
  readonly random: SeededRandom;
  /** The host's logger; the node flattens events and adds its own fields. */
  readonly logger: Logger;
  readonly directory: CognitoraDirectory;
  readonly deployment: CognitoraDeployment;
  /** Agents: the model their engine serves. */
  readonly model?: string;
  /** GPUs in the host (agents have some). */
  readonly gpus: number;
  readonly otlpEndpoint?: string | undefined;
  readonly sampler?: Sampler | undefined;
  /** Replaces the OTLP exporter (tests). */
  readonly spanExporter?: SpanExporter | undefined;
}

/**
 * One simulated Cognitora binary on its own admin port: GET /metrics (its own prom-client
 * Registry; on cgn-metrics the federated union), /healthz and /readyz, the binary's API, its own
 * tracer provider and tracing-style JSON logs. Registers itself with the fleet directory.
 *
 * @example
 * const node = new CognitoraNode({ id: "cgn-router-0", role: "cgn-router", port: 0, ... });
 * await node.start();
 */
export class CognitoraNode extends SimNodeBase {
  declare readonly role: CognitoraRole;
  /** [cluster].node_id's 12-character prefix. */
  readonly nodeId: string;
  readonly binary: CognitoraBinary;
  readonly #inFlight = new InFlight();

  constructor(options: CognitoraNodeOptions) {
    const nodeId = options.random.derive("node-id").faker.string.hexadecimal({
      length: 12,
      casing: "lower",
      prefix: "",
    });
    const tracing = new NodeTracing({
      serviceName: options.role,
      instanceId: options.id,
      otlpEndpoint: options.otlpEndpoint,
      sampler: options.sampler,
      exporter: options.spanExporter,
    });
    const log = new ServiceLog({
      logger: options.logger.derive({ node: options.id, flatten: true }),
      service: options.role,
      version: options.deployment.version,
      nodeId,
    });
    super({
      id: options.id,
      port: options.port,
      role: options.role,
      tracing,
      log: { logger: log, target: "cgn_telemetry" },
    });
    this.nodeId = nodeId;
    const context: BinaryContext = {
      id: options.id,
      role: options.role,
      nodeId: this.nodeId,
      clock: options.clock,
      random: options.random,
      log,
      tracer: tracing.tracer,
      directory: options.directory,
      deployment: options.deployment,
      inFlight: this.#inFlight,
    };
    const address = { url: () => this.url, serve: (r: InProcessRequest) => this.serve(r) };
    this.binary = createBinary(context, options.model, address);
    options.directory.register({
      id: this.id,
      role: this.role,
      nodeId: this.nodeId,
      gpus: options.gpus,
      ...(options.model !== undefined && { model: options.model }),
      ...address,
      state: () => this.state,
      utilization: () => (this.state === "up" ? this.binary.utilization() : 0),
    });
  }

  protected work(): CognitoraBinary {
    return this.binary;
  }

  async exposition(): Promise<Exposition> {
    return {
      contentType: "text/plain; version=0.0.4; charset=utf-8",
      body: await this.binary.exposition(),
    };
  }

  /** Resolves once every request this node sent or serves has finished (tests, virtual time). */
  idle(): Promise<void> {
    return this.#inFlight.idle();
  }

  // The admin port: metrics and health for every binary, then the binary's own API.
  protected async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://node").pathname;
    if (req.method === "GET" && path === "/metrics") return this.sendExposition(res);
    if (req.method === "GET" && path === "/healthz")
      return httpIo.sendText(res, 200, "text/plain", "ok");
    if (req.method === "GET" && path === "/readyz") {
      const ready = this.binary.ready();
      return httpIo.sendText(res, ready ? 200 : 503, "text/plain", ready ? "ready" : "not ready");
    }
    if (await this.binary.handle(req, res, path)) return;
    httpIo.sendText(res, 404, "text/plain; charset=utf-8", "Not Found\n");
  }
}

/** The binary a role runs. */
function createBinary(
  context: BinaryContext,
  model: string | undefined,
  self: NodeAddress,
): CognitoraBinary {
  switch (context.role) {
    case "cgn-router":
      return new RouterBinary(context, self);
    case "cgn-agent":
      return new AgentBinary(context, model ?? context.deployment.chatModel);
    case "cgn-kvcached":
      return new KvcachedBinary(context);
    case "cgn-metrics":
      return new MetricsBinary(context);
  }
}
