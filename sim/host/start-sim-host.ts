import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { Writable } from "node:stream";
import { type Clock, ScaledClock } from "../core/clock.ts";
import { ControlServer } from "../core/control-server.ts";
import { EnvFilter } from "../core/env-filter.ts";
import { EnvFilterError, SimConfigError } from "../core/errors.ts";
import { FaultRegistry } from "../core/fault-registry.ts";
import { type LogFormat, Logger } from "../core/logger.ts";
import type { SimNode } from "../core/sim-node.ts";
import type { HostConfig } from "./host-config.ts";
import { systemRegistry } from "./system-registry.ts";

/** The prefix of the one line a host prints on stdout when every listener is up. */
export const READY_PREFIX = "FIREDRILL_SIM_READY";

/** A running sim host: its control API, its nodes, and how to stop it. */
export interface StartedSimHost extends AsyncDisposable {
  /** Base URL of the control API, e.g. http://127.0.0.1:41000. */
  readonly controlUrl: string;
  readonly nodes: readonly { readonly id: string; readonly url: string }[];
  /** The nodes themselves, for a caller in this process (virtual time reads them without HTTP). */
  readonly simNodes: readonly SimNode[];
  /** `FIREDRILL_SIM_READY {"control":...,"nodes":[...]}`, as host.ts prints it. */
  readonly readyLine: string;
  readonly clock: Clock;
  /** Exports finished spans of every node now. */
  flushSpans(): Promise<void>;
  /** Flushes spans and closes every listener and the log file. Idempotent. */
  stop(): Promise<void>;
}

/** Options a caller in the same process may set (tests, the virtual mode). */
export interface SimHostOptions {
  /** Overrides the clock built from config.time (e.g. a VirtualClock). */
  readonly clock?: Clock;
  /** Overrides the log destination (config.logFile, else stdout). */
  readonly logStream?: Writable;
  /** Environment for COSMICTRON_LOG and COSMICTRON_LOG_FORMAT; default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Names the config's source in error messages; default "(config object)". */
  readonly configFile?: string;
}

/** Opens the log file for appending (creating its folder), or fails naming it. */
async function openLogFile(path: string, file: string): Promise<Writable> {
  try {
    await mkdir(dirname(path), { recursive: true });
    const stream = createWriteStream(path, { flags: "a" });
    await once(stream, "open");
    return stream;
  } catch (error) {
    throw new SimConfigError(
      `Failed to open log file ${path} named by ${file}: ${(error as Error).message}. Point logFile at a writable path.`,
      { file, field: "logFile", cause: error },
    );
  }
}

/** Log filter and format from the system's env variables, else the config, else the defaults. */
function logSettings(
  config: HostConfig,
  env: Readonly<Record<string, string | undefined>>,
  names: { filterEnv: string; formatEnv: string; defaultFormat: LogFormat },
  file: string,
): { filter: EnvFilter; format: LogFormat } {
  const fromEnv = env[names.filterEnv];
  const source = fromEnv !== undefined && fromEnv !== "" ? fromEnv : (config.logFilter ?? "info");
  let filter: EnvFilter;
  try {
    filter = EnvFilter.parse(source);
  } catch (error) {
    if (!(error instanceof EnvFilterError)) throw error;
    const where = fromEnv ? `${names.filterEnv}` : `logFilter in ${file}`;
    throw new SimConfigError(`Invalid ${where}: ${error.message}`, {
      file: fromEnv ? names.filterEnv : file,
      field: fromEnv ? names.filterEnv : "logFilter",
      cause: error,
    });
  }
  const formatEnv = env[names.formatEnv];
  if (
    formatEnv !== undefined &&
    formatEnv !== "" &&
    formatEnv !== "json" &&
    formatEnv !== "pretty"
  ) {
    throw new SimConfigError(
      `Failed to configure logging: ${names.formatEnv} must be "json" or "pretty", got ${JSON.stringify(formatEnv)}. Fix or unset it.`,
      { file: names.formatEnv, field: names.formatEnv },
    );
  }
  const format = (formatEnv || config.logFormat || names.defaultFormat) as LogFormat;
  return { filter, format };
}

/**
 * Starts a sim host in this process: the system's nodes on their ports, the control API, the
 * fault registry, logs and span export. Rejects with SimConfigError or PortBusyError (nothing
 * is left listening) when it cannot start.
 *
 * @example
 * const host = await startSimHost(parseHostConfig(json, file, ["cosmictron"]), { clock: new VirtualClock() });
 * await fetch(`${host.nodes[0].url}/metrics`);
 * await host.stop();
 */
export async function startSimHost(
  config: HostConfig,
  options: SimHostOptions = {},
): Promise<StartedSimHost> {
  const file = options.configFile ?? "(config object)";
  const system = systemRegistry.get(config.system);
  if (!system) {
    throw new SimConfigError(
      `Failed to load sim host config ${file}: system must be one of ${[...systemRegistry.keys()].join(", ")}, got ${JSON.stringify(config.system)}. Fix system in the file and start the host again.`,
      { file, field: "system" },
    );
  }
  const clock =
    options.clock ?? (config.time ? new ScaledClock(config.time) : ScaledClock.startingNow(1));
  const { filter, format } = logSettings(
    config,
    options.env ?? process.env,
    {
      filterEnv: system.logFilterEnv ?? `${system.name.toUpperCase()}_LOG`,
      formatEnv: system.logFormatEnv ?? `${system.name.toUpperCase()}_LOG_FORMAT`,
      defaultFormat: system.defaultLogFormat ?? "json",
    },
    file,
  );
  const ownStream =
    !options.logStream && config.logFile ? await openLogFile(config.logFile, file) : undefined;
  const stream = options.logStream ?? ownStream ?? process.stdout;
  // A virtual fleet's log file gets a turn's lines in one write (see Logger's batch).
  const batch = ownStream !== undefined && !Number.isFinite(clock.speed);
  const logger = new Logger({ clock, filter, format, stream, batch });

  const systemHost = await system.start({
    seed: config.seed,
    clock,
    logger,
    otlpEndpoint: config.otlpEndpoint,
    env: options.env ?? process.env,
  });
  const nodes: SimNode[] = config.nodes.map((spec) => systemHost.createNode(spec));
  const faults = new FaultRegistry({ definitions: systemHost.faults, nodes, clock });
  const control = new ControlServer({ port: config.controlPort, faults, nodes });

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      await control.close();
      await Promise.all(nodes.map((n) => n.close()));
      await systemHost.close();
      if (ownStream) {
        ownStream.end();
        await once(ownStream, "finish").catch(() => undefined);
      }
    })();
    return stopped;
  };

  try {
    await control.start();
    for (const node of nodes) await node.start();
  } catch (error) {
    await stop();
    throw error;
  }

  const nodeUrls = nodes.map((n) => ({ id: n.id, url: n.url }));
  const readyLine = `${READY_PREFIX} ${JSON.stringify({ control: control.url, nodes: nodeUrls })}`;
  return {
    controlUrl: control.url,
    nodes: nodeUrls,
    simNodes: nodes,
    readyLine,
    clock,
    flushSpans: async () => {
      await Promise.all(nodes.map((n) => n.flushSpans()));
    },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
