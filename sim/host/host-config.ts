import type { TimeMapping } from "../core/clock.ts";
import { SimConfigError } from "../core/errors.ts";
import type { LogFormat } from "../core/logger.ts";
import type { NodeSpec } from "../core/system-definition.ts";

/** A sim host's config file: which system, which nodes on which ports, time, telemetry sinks. */
export interface HostConfig {
  readonly system: string;
  readonly seed: string | number;
  /** The harness's wall↔fleet mapping; real time from now when absent. */
  readonly time?: TimeMapping;
  readonly nodes: readonly NodeSpec[];
  /** Port of the control API (0: any free port). */
  readonly controlPort: number;
  /** OTLP/HTTP base URL; `/v1/traces` is appended. No tracing when absent. */
  readonly otlpEndpoint?: string;
  /** Absolute path the logs are appended to; stdout when absent. */
  readonly logFile?: string;
  readonly logFormat?: LogFormat;
  /** EnvFilter string; the system's env variable (COSMICTRON_LOG) wins. */
  readonly logFilter?: string;
}

const KEYS = [
  "system",
  "seed",
  "time",
  "nodes",
  "controlPort",
  "otlpEndpoint",
  "logFile",
  "logFormat",
  "logFilter",
];

/** Whether a value is a plain JSON object. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a value is a usable TCP port (0 picks a free one). */
function isPort(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 65535;
}

/**
 * Validates a parsed config file; a bad one throws SimConfigError naming the file and the field.
 *
 * @example
 * parseHostConfig(JSON.parse(text), "/tmp/run/sim-0.json", ["cosmictron"]);
 */
export function parseHostConfig(
  raw: unknown,
  file: string,
  systems: readonly string[],
): HostConfig {
  // `value`, when passed, is quoted back so the reader sees what was wrong.
  const fail = (field: string, problem: string, ...value: unknown[]): never => {
    const got = value.length > 0 ? `, got ${JSON.stringify(value[0]) ?? "nothing"}` : "";
    throw new SimConfigError(
      `Failed to load sim host config ${file}: ${field} ${problem}${got}. Fix ${field} in the file and start the host again.`,
      { file, field },
    );
  };
  if (!isObject(raw)) return fail("(root)", "must be a JSON object", raw);
  for (const key of Object.keys(raw)) {
    if (!KEYS.includes(key)) fail(key, `is not a known field (known: ${KEYS.join(", ")})`);
  }
  const { system, seed, time, nodes, controlPort, otlpEndpoint, logFile, logFormat, logFilter } =
    raw;
  if (typeof system !== "string" || !systems.includes(system)) {
    fail("system", `must be one of ${systems.map((s) => JSON.stringify(s)).join(", ")}`, system);
  }
  if (!(typeof seed === "string" || (typeof seed === "number" && Number.isFinite(seed)))) {
    fail("seed", "must be a number or a string", seed);
  }
  let mapping: TimeMapping | undefined;
  if (time !== undefined) {
    if (!isObject(time))
      return fail("time", "must be an object {wallEpochMs, fleetEpochMs, speed}", time);
    for (const key of ["wallEpochMs", "fleetEpochMs"] as const) {
      if (typeof time[key] !== "number" || !Number.isFinite(time[key])) {
        fail(`time.${key}`, "must be a number of milliseconds since the Unix epoch", time[key]);
      }
    }
    if (typeof time.speed !== "number" || !(time.speed > 0) || !Number.isFinite(time.speed)) {
      fail("time.speed", "must be a number > 0", time.speed);
    }
    mapping = {
      wallEpochMs: time.wallEpochMs as number,
      fleetEpochMs: time.fleetEpochMs as number,
      speed: time.speed as number,
    };
  }
  if (!Array.isArray(nodes) || nodes.length === 0)
    return fail("nodes", "must be a non-empty array", nodes);
  const ids = new Set<string>();
  const ports = new Map<number, string>();
  if (!isPort(controlPort)) fail("controlPort", "must be an integer from 0 to 65535", controlPort);
  if ((controlPort as number) > 0) ports.set(controlPort as number, "controlPort");
  const specs = nodes.map((node: unknown, i): NodeSpec => {
    if (!isObject(node)) return fail(`nodes[${i}]`, "must be an object {id, port, role?}", node);
    if (typeof node.id !== "string" || !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(node.id)) {
      fail(
        `nodes[${i}].id`,
        "must be a non-empty string of letters, digits, '-', '_' or '.'",
        node.id,
      );
    }
    if (ids.has(node.id as string)) fail(`nodes[${i}].id`, "is used by another node", node.id);
    ids.add(node.id as string);
    if (!isPort(node.port))
      fail(`nodes[${i}].port`, "must be an integer from 0 to 65535", node.port);
    const port = node.port as number;
    const other = ports.get(port);
    if (other !== undefined) fail(`nodes[${i}].port`, `is also used by ${other}`, port);
    if (port > 0) ports.set(port, `nodes[${i}]`);
    for (const key of Object.keys(node)) {
      if (key !== "id" && key !== "port" && key !== "role")
        fail(`nodes[${i}].${key}`, "is not a known field (known: id, port, role)");
    }
    if (node.role !== undefined && typeof node.role !== "string") {
      fail(`nodes[${i}].role`, "must be a string naming the node's role in its system", node.role);
    }
    return {
      id: node.id as string,
      port,
      ...(typeof node.role === "string" && { role: node.role }),
    };
  });
  if (
    otlpEndpoint !== undefined &&
    (typeof otlpEndpoint !== "string" || !/^https?:\/\/[^/]/.test(otlpEndpoint))
  ) {
    fail("otlpEndpoint", "must be an http(s) URL such as http://127.0.0.1:4318", otlpEndpoint);
  }
  if (logFile !== undefined && (typeof logFile !== "string" || !logFile.startsWith("/"))) {
    fail("logFile", "must be an absolute path", logFile);
  }
  if (logFormat !== undefined && logFormat !== "json" && logFormat !== "pretty") {
    fail("logFormat", 'must be "json" or "pretty"', logFormat);
  }
  if (logFilter !== undefined && typeof logFilter !== "string") {
    fail("logFilter", 'must be an EnvFilter string such as "info,cosmictron_wal=debug"', logFilter);
  }
  return {
    system: system as string,
    seed: seed as string | number,
    ...(mapping && { time: mapping }),
    nodes: specs,
    controlPort: controlPort as number,
    ...(otlpEndpoint !== undefined && { otlpEndpoint: otlpEndpoint as string }),
    ...(logFile !== undefined && { logFile: logFile as string }),
    ...(logFormat !== undefined && { logFormat: logFormat as LogFormat }),
    ...(logFilter !== undefined && { logFilter: logFilter as string }),
  };
}
