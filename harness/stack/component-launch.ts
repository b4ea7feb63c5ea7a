import path from "node:path";
import type { ComponentName, StackSpec } from "./types.ts";

/** How one component is started, the same for processes and containers. */
export interface ComponentLaunch {
  readonly component: ComponentName;
  /** The provisioned binary (on the host; containers copy it into their image). */
  readonly binary: string;
  readonly args: readonly string[];
  /** GET this answering 200 means ready. */
  readonly readyUrl: string;
  /** Loopback ports it listens on, checked free before it starts. */
  readonly ports: readonly number[];
  /** Folders it writes to, created before it starts. */
  readonly dataDirs: readonly string[];
  /** <runDir>/logs/<component>.log */
  readonly logFile: string;
  /** The working directory of a process (containers run in /). */
  readonly cwd: string;
  /** Data files the binary needs, as host folder → absolute path it reads them from. */
  readonly assets: readonly { readonly source: string; readonly target: string }[];
}

/** The command line, readiness URL, ports and folders of one component of a stack spec. */
export function componentLaunch(spec: StackSpec, component: ComponentName): ComponentLaunch {
  const { ports, runDir, files, tools, extraArgs } = spec;
  // Every component logs to its own file and runs in the run folder with no data files to place
  // (Alertmanager's templates are compiled in: go:embed).
  const common = {
    component,
    logFile: path.join(runDir, "logs", `${component}.log`),
    cwd: runDir,
    assets: [],
  };
  // Prometheus and Alertmanager alike: one port, a data folder, ready at /-/ready.
  const server = (port: number, binary: string, args: (data: string) => readonly string[]) => {
    const data = path.join(runDir, `${component}-data`);
    return {
      ...common,
      binary,
      args: args(data),
      readyUrl: `http://127.0.0.1:${port}/-/ready`,
      ports: [port],
      dataDirs: [data],
    };
  };
  switch (component) {
    case "prometheus":
      return server(ports.prometheus, tools.prometheus.path, (data) => [
        `--config.file=${files.prometheusConfig}`,
        `--web.listen-address=127.0.0.1:${ports.prometheus}`,
        `--storage.tsdb.path=${data}`,
        "--web.enable-lifecycle",
        ...extraArgs.prometheus,
      ]);
    case "alertmanager":
      return server(ports.alertmanager, tools.alertmanager.path, (data) => [
        `--config.file=${files.alertmanagerConfig}`,
        `--web.listen-address=127.0.0.1:${ports.alertmanager}`,
        // An empty cluster address turns clustering (gossip on 0.0.0.0:9094) off.
        "--cluster.listen-address=",
        `--storage.path=${data}`,
        ...extraArgs.alertmanager,
      ]);
    case "collector":
      return {
        ...common,
        binary: tools.otelcol.path,
        args: [`--config=${files.collectorConfig}`],
        // The config the harness renders serves the Collector's own metrics there.
        readyUrl: `http://127.0.0.1:${ports.collectorTelemetry}/metrics`,
        ports: [
          ports.collectorOtlpGrpc,
          ports.collectorOtlpHttp,
          ports.collectorPrometheus,
          ports.collectorTelemetry,
        ],
        dataDirs: [],
      };
  }
}
