import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { EnvFilter } from "../core/env-filter.ts";
import { EnvFilterError, SimConfigError } from "../core/errors.ts";
import type { Logger } from "../core/logger.ts";
import { SeededRandom } from "../core/seeded-random.ts";
import type { SystemDefinition } from "../core/system-definition.ts";
import { generateDeployment } from "./cognitora-deployment.ts";
import { CognitoraDirectory } from "./cognitora-directory.ts";
import { cognitoraFaults } from "./cognitora-faults.ts";
import { CognitoraNode } from "./cognitora-node.ts";
import { COGNITORA_ROLES, type CognitoraRole } from "./cognitora-role.ts";
import { EngineUpstream } from "./engine-upstream.ts";
import { tracesSampler } from "./traces-sampler.ts";

/** The host's logger, or one filtered by COGNITORA__LOG_LEVEL when RUST_LOG is not set. */
function levelOverride(logger: Logger, env: Readonly<Record<string, string | undefined>>): Logger {
  const level = env.COGNITORA__LOG_LEVEL;
  if ((env.RUST_LOG ?? "") !== "" || level === undefined || level === "") return logger;
  try {
    if (level.includes("=") || level.includes(","))
      throw new EnvFilterError("a level", { directive: level });
    return logger.derive({ filter: EnvFilter.parse(level) });
  } catch (error) {
    if (!(error instanceof EnvFilterError)) throw error;
    throw new SimConfigError(
      `Failed to configure logging: COGNITORA__LOG_LEVEL must be one level (trace, debug, info, warn, error or off), got ${JSON.stringify(level)}. Fix or unset it.`,
      { file: "COGNITORA__LOG_LEVEL", field: "COGNITORA__LOG_LEVEL", cause: error },
    );
  }
}

/** A node's role: the config's, else its id's prefix (cgn-agent-1 → cgn-agent). */
function roleOf(spec: { id: string; role?: string }): CognitoraRole {
  const role = spec.role ?? COGNITORA_ROLES.find((r) => spec.id.startsWith(`${r}-`));
  if (role === undefined || !(COGNITORA_ROLES as readonly string[]).includes(role)) {
    throw new SimConfigError(
      `Failed to create Cognitora node ${spec.id}: ${spec.role === undefined ? "it has no role and its id names none" : `role ${JSON.stringify(spec.role)} is not a Cognitora binary`}. Set role to one of ${COGNITORA_ROLES.join(", ")}.`,
      { file: "(config)", field: "nodes" },
    );
  }
  return role as CognitoraRole;
}

/**
 * Builds Cognitora as a sim host runs it; tests may export spans to memory instead of OTLP.
 *
 * @example
 * const system = createCognitoraSystem({ spanExporter: new InMemorySpanExporter() });
 */
export function createCognitoraSystem(
  options: { spanExporter?: SpanExporter } = {},
): SystemDefinition<CognitoraNode> {
  return {
    name: "cognitora",
    logFilterEnv: "RUST_LOG",
    logFormatEnv: "COGNITORA__LOG_FORMAT",
    async start(context) {
      const env = context.env ?? process.env;
      const logger = levelOverride(context.logger, env);
      const { sampler } = tracesSampler(env);
      const root = new SeededRandom(context.seed);
      const deployment = generateDeployment(root.derive("cognitora/deployment"));
      const directory = new CognitoraDirectory();
      const engine = new EngineUpstream({ random: root.derive("cognitora/engine") });
      engine.listen();
      let agents = 0;
      return {
        faults: cognitoraFaults(engine),
        createNode: (spec) => {
          const role = roleOf(spec);
          const random = root.derive(`cognitora/node/${spec.id}`);
          const model =
            role === "cgn-agent"
              ? agents++ % 2 === 0
                ? deployment.chatModel
                : deployment.embedModel
              : undefined;
          return new CognitoraNode({
            id: spec.id,
            role,
            port: spec.port,
            clock: context.clock,
            random,
            logger,
            directory,
            deployment,
            ...(model !== undefined && { model }),
            gpus: role === "cgn-agent" ? random.derive("gpus").int(2, 4) : 0,
            otlpEndpoint: context.otlpEndpoint,
            sampler,
            spanExporter: options.spanExporter,
          });
        },
        close: async () => engine.close(),
      };
    },
  };
}

/** Cognitora as the sim host runs it (OTLP export when the host has an endpoint). */
export const cognitoraSystem: SystemDefinition<CognitoraNode> = createCognitoraSystem();
