import type { Clock } from "./clock.ts";
import type { FaultDefinition } from "./fault-definition.ts";
import type { LogFormat, Logger } from "./logger.ts";
import type { SimNode } from "./sim-node.ts";

/** One node a host runs: its id, the port it listens on (0: any free port), and its role. */
export interface NodeSpec {
  readonly id: string;
  readonly port: number;
  /** The node's role within its system (cgn-router, zipnet, ...); systems with one kind omit it. */
  readonly role?: string;
}

/** What every node of a host shares. */
export interface HostContext {
  readonly seed: string | number;
  readonly clock: Clock;
  /** The host's log sink; nodes call `forNode(id)`. */
  readonly logger: Logger;
  /** OTLP/HTTP base URL (`/v1/traces` is appended); no export when undefined. */
  readonly otlpEndpoint: string | undefined;
  /** The host's environment (e.g. OTEL_TRACES_SAMPLER_ARG); systems fall back to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A system started in one host process: creates its nodes and knows its faults. */
export interface SystemHost<N extends SimNode> {
  readonly faults: readonly FaultDefinition<N>[];
  createNode(spec: NodeSpec): N;
  /** Releases what the nodes share (e.g. the msw handlers for external services). */
  close(): Promise<void>;
}

/**
 * A simulated system (Cosmictron, ...): its name, how its logs are configured, and how a host
 * starts it.
 */
export interface SystemDefinition<N extends SimNode = SimNode> {
  readonly name: string;
  /** Environment variable overriding the log filter; default `<NAME>_LOG` (COSMICTRON_LOG). */
  readonly logFilterEnv?: string;
  /** Environment variable overriding the log format; default `<NAME>_LOG_FORMAT`. */
  readonly logFormatEnv?: string;
  /** The log format when the format variable is unset; default "json", as every system logs. */
  readonly defaultLogFormat?: LogFormat;
  start(context: HostContext): Promise<SystemHost<N>>;
}
