import type { ComponentHandle } from "./component-handle.ts";
import { readLogTail } from "./read-log-tail.ts";
import type {
  ComponentName,
  DriverName,
  StackProgress,
  StackSpec,
  StackStartOptions,
  StartedStack,
} from "./types.ts";

/** The components of a stack; they start and stop concurrently. */
const order: readonly ComponentName[] = ["alertmanager", "collector", "prometheus"];

/**
 * A started stack over three component handles, whichever driver made them: URLs, versions,
 * restart, log tails, stop. Both drivers return one.
 */
export class RunningStack implements StartedStack {
  readonly prometheusUrl: string;
  readonly alertmanagerUrl: string;
  readonly collectorOtlpHttpUrl: string;
  readonly collectorTelemetryUrl: string;
  readonly versions: Readonly<Record<ComponentName, string>>;
  private stopping: Promise<void> | undefined;

  private constructor(
    readonly driver: DriverName,
    readonly runDir: string,
    private readonly handles: Readonly<Record<ComponentName, ComponentHandle>>,
    spec: StackSpec,
    private readonly onProgress: (event: StackProgress) => void,
  ) {
    const { ports, tools } = spec;
    this.prometheusUrl = `http://127.0.0.1:${ports.prometheus}`;
    this.alertmanagerUrl = `http://127.0.0.1:${ports.alertmanager}`;
    this.collectorOtlpHttpUrl = `http://127.0.0.1:${ports.collectorOtlpHttp}`;
    this.collectorTelemetryUrl = `http://127.0.0.1:${ports.collectorTelemetry}`;
    this.versions = {
      prometheus: tools.prometheus.version,
      alertmanager: tools.alertmanager.version,
      collector: tools.otelcol.version,
    };
  }

  /**
   * Makes each component's handle, starts them all at once and waits for all to be ready; when
   * one fails, stops the others and throws the first failure.
   */
  static async start(
    driver: DriverName,
    spec: StackSpec,
    handle: (component: ComponentName) => ComponentHandle,
    options: StackStartOptions = {},
  ): Promise<RunningStack> {
    const onProgress = options.onProgress ?? (() => {});
    const handles = Object.fromEntries(order.map((c) => [c, handle(c)])) as Record<
      ComponentName,
      ComponentHandle
    >;
    const stack = new RunningStack(driver, spec.runDir, handles, spec, onProgress);
    const results = await Promise.allSettled(
      order.map((component) => stack.startOne(component, options.signal)),
    );
    const failed = results.find((result) => result.status === "rejected");
    if (failed) {
      await stack.stop();
      throw failed.reason;
    }
    return stack;
  }

  async restart(component: ComponentName): Promise<void> {
    const handle = this.handles[component];
    this.onProgress({ component, phase: "stopping" });
    await handle.stop();
    this.onProgress({ component, phase: "stopped" });
    await this.startOne(component);
  }

  logTail(component: ComponentName, lines = 20): Promise<string> {
    return readLogTail(this.handles[component].logFile, lines);
  }

  stop(): Promise<void> {
    this.stopping ??= this.stopAll();
    return this.stopping;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  /** Starts one component and reports how long it took to be ready. */
  private async startOne(component: ComponentName, signal?: AbortSignal): Promise<void> {
    const started = performance.now();
    this.onProgress({ component, phase: "starting" });
    await this.handles[component].start(signal);
    this.onProgress({ component, phase: "ready", ms: Math.round(performance.now() - started) });
  }

  /** Stops all components at once; reports the first failure after trying all. */
  private async stopAll(): Promise<void> {
    const results = await Promise.allSettled(
      order.map(async (component) => {
        this.onProgress({ component, phase: "stopping" });
        await this.handles[component].stop();
        this.onProgress({ component, phase: "stopped" });
      }),
    );
    const failed = results.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
  }
}
