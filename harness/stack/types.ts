import type { Tools } from "../tools/tools.ts";

/** The three watched components of the real stack. */
export type ComponentName = "prometheus" | "alertmanager" | "collector";

/** Loopback ports the stack listens on, chosen by the harness before configs are rendered. */
export interface StackPorts {
  readonly prometheus: number;
  readonly alertmanager: number;
  /** Alertmanager's cluster listener; the drivers disable clustering but the flag needs a port. */
  readonly alertmanagerCluster: number;
  readonly collectorOtlpGrpc: number;
  readonly collectorOtlpHttp: number;
  /** The Collector's prometheus exporter (spanmetrics), scraped by Prometheus. */
  readonly collectorPrometheus: number;
  /** The Collector's own telemetry (otelcol_* metrics). */
  readonly collectorTelemetry: number;
}

/** Everything a driver needs to start the stack: rendered configs, ports, binaries. */
export interface StackSpec {
  /** A run's own folder: configs are in it, logs and data go in it. Absolute path. */
  readonly runDir: string;
  /** A label for logs, container names and leftover detection. */
  readonly runId: string;
  readonly ports: StackPorts;
  readonly files: {
    /** prometheus.yml (absolute path inside runDir); rule files it names are inside runDir too. */
    readonly prometheusConfig: string;
    readonly alertmanagerConfig: string;
    readonly collectorConfig: string;
  };
  /**
   * Extra command-line flags, already scaled to the run's speed: for Prometheus
   * --query.lookback-delta, --rules.alert.resend-delay, --rules.alert.for-grace-period, ...
   */
  readonly extraArgs: {
    readonly prometheus: readonly string[];
    readonly alertmanager: readonly string[];
  };
  readonly tools: Tools;
}

/** Progress events a driver reports while it works (shown on the terminal). */
export interface StackProgress {
  readonly component: ComponentName | "images";
  readonly phase: "starting" | "ready" | "stopping" | "stopped" | "building";
  readonly ms?: number;
}

/** A started stack. Dispose (or stop()) to remove every process or container it started. */
export interface StartedStack extends AsyncDisposable {
  readonly driver: DriverName;
  readonly prometheusUrl: string;
  readonly alertmanagerUrl: string;
  /** OTLP/HTTP base URL the sim exports spans to (POST {url}/v1/traces). */
  readonly collectorOtlpHttpUrl: string;
  readonly collectorTelemetryUrl: string;
  /** Versions of the three components, as their binaries report them. */
  readonly versions: Readonly<Record<ComponentName, string>>;
  /** Stops and starts one component again with the same config and data (watcher faults). */
  restart(component: ComponentName): Promise<void>;
  /** The last `lines` log lines of a component. */
  logTail(component: ComponentName, lines?: number): Promise<string>;
  /** Stops everything; safe to call twice. */
  stop(): Promise<void>;
}

export type DriverName = "processes" | "containers";

/** How a start may be cancelled and followed. */
export interface StackStartOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: StackProgress) => void;
}

/** Starts the stack one way: as local processes or as containers. */
export interface StackDriver {
  readonly name: DriverName;
  start(spec: StackSpec, options?: StackStartOptions): Promise<StartedStack>;
}
