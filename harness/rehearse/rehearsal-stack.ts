import { mkdir } from "node:fs/promises";
import path from "node:path";
import { ScaledClock } from "../../sim/core/clock.ts";
import { topologyRegistry } from "../../sim/index.ts";
import { writeStackConfigs } from "../config/index.ts";
import { builtinHarnessFaults } from "../faults/builtin-faults.ts";
import type { HarnessFault } from "../faults/harness-fault.ts";
import { ScrapeProxies } from "../faults/scrape-proxies.ts";
import { OtlpSink } from "../observe/otlp-sink.ts";
import { PrometheusClient } from "../observe/prometheus-client.ts";
import { WebhookSink } from "../observe/webhook-sink.ts";
import { planFleet } from "../runner/plan-fleet.ts";
import { EVALUATION_INTERVAL, SCRAPE_INTERVAL } from "../runner/run-scenario.ts";
import { SimFleet } from "../runner/sim-fleet.ts";
import { waitForTargets } from "../runner/wait-for-targets.ts";
import type { FleetShape } from "../scenario/types.ts";
import type { StackDriver, StartedStack } from "../stack/index.ts";
import { firedrillEnv, freePorts } from "../stack/index.ts";
import type { Tools } from "../tools/tools.ts";

/** What a rehearsal runs: which systems, how fast, with which rules and routing. */
export interface RehearsalStackOptions {
  readonly runId: string;
  readonly dir: string;
  readonly systems: readonly string[];
  readonly speed: number;
  readonly ruleFiles: readonly string[];
  readonly alertmanagerConfig: string;
  readonly driver: StackDriver;
  readonly tools: Tools;
  readonly seed?: number;
  readonly signal?: AbortSignal;
  readonly log?: (line: string) => void;
}

/** The fleet shape of a rehearsal: each chosen system with its topology's default size. */
export function defaultFleet(systems: readonly string[]): FleetShape {
  const shape: Record<string, Record<string, number>> = {};
  for (const system of systems) {
    const topology = topologyRegistry.get(system)!;
    shape[system] = Object.fromEntries(topology.shape.map((f) => [f.name, f.default]));
  }
  return shape as FleetShape;
}

/**
 * The stack and fleet of a rehearsal, up and scraped: Prometheus, Alertmanager and the Collector,
 * one sim host per system, a scrape proxy in front of every node (so net.* faults work), the
 * webhook and trace sinks. Fleet t=0 is the moment every target was first scraped.
 */
export class RehearsalStack implements AsyncDisposable {
  readonly fleet: FleetShape;
  readonly clock: ScaledClock;
  readonly stack: StartedStack;
  readonly fleets: ReadonlyMap<string, SimFleet>;
  readonly webhook: WebhookSink;
  readonly otlp: OtlpSink;
  readonly proxies: ScrapeProxies;
  readonly prometheus: PrometheusClient;
  readonly harnessFaults: ReadonlyMap<string, HarnessFault>;
  /** The rule files Prometheus loaded (rewritten for the speed). */
  readonly loadedRuleFiles: readonly string[];
  /** Fleet ms of the clock at t=0. */
  readonly t0: number;
  readonly #stops: (() => Promise<unknown>)[];

  private constructor(
    parts: Omit<RehearsalStack, "stop" | "now" | "toFleetSeconds" | typeof Symbol.asyncDispose> & {
      stops: (() => Promise<unknown>)[];
    },
  ) {
    this.fleet = parts.fleet;
    this.clock = parts.clock;
    this.stack = parts.stack;
    this.fleets = parts.fleets;
    this.webhook = parts.webhook;
    this.otlp = parts.otlp;
    this.proxies = parts.proxies;
    this.prometheus = parts.prometheus;
    this.harnessFaults = parts.harnessFaults;
    this.loadedRuleFiles = parts.loadedRuleFiles;
    this.t0 = parts.t0;
    this.#stops = parts.stops;
  }

  /** Starts everything; on any failure stops what had started and rethrows. */
  static async start(options: RehearsalStackOptions): Promise<RehearsalStack> {
    const log = options.log ?? (() => undefined);
    const stops: (() => Promise<unknown>)[] = [];
    const dir = path.resolve(options.dir);
    await mkdir(path.join(dir, "logs"), { recursive: true });
    try {
      const fleet = defaultFleet(options.systems);
      const webhook = await WebhookSink.start();
      stops.push(() => webhook.close());
      const otlp = await OtlpSink.start();
      stops.push(() => otlp.close());
      const sizing = planFleet(fleet, () => 0);
      const nodeCount = sizing.reduce((n, p) => n + p.nodes.length, 0);
      const ports = await freePorts(2 * nodeCount + sizing.length + 7);
      const take = () => ports.shift()!;
      const stackPorts = {
        prometheus: take(),
        alertmanager: take(),
        alertmanagerCluster: take(),
        collectorOtlpGrpc: take(),
        collectorOtlpHttp: take(),
        collectorPrometheus: take(),
        collectorTelemetry: take(),
      };
      const plan = planFleet(fleet, take);
      const proxies = await ScrapeProxies.start(
        plan.flatMap((p) => p.nodes),
        take,
      );
      stops.push(() => proxies.close());
      // Prometheus scrapes each node through its proxy, as a drill with net.* faults does.
      const byAddress = new Map(
        plan.flatMap((p) => p.nodes.map((n): [string, string] => [`127.0.0.1:${n.port}`, n.id])),
      );
      const jobs = plan.flatMap((p) =>
        p.scrapeJobs.map((job) => ({
          ...job,
          targets: job.targets.map((t) => ({
            ...t,
            address: proxies.addressFor(byAddress.get(t.address) ?? "") ?? t.address,
          })),
        })),
      );
      const configs = await writeStackConfigs({
        runDir: dir,
        speed: options.speed,
        ruleFiles: options.ruleFiles,
        alertmanagerConfig: options.alertmanagerConfig,
        ports: stackPorts,
        jobs: jobs.map(({ job, targets, metricsPath, honorLabels }) => ({
          job,
          targets,
          ...(metricsPath ? { metricsPath } : {}),
          ...(honorLabels ? { honorLabels } : {}),
        })),
        webhookOrigin: webhook.origin,
        traceSinkUrl: otlp.url,
        scrapeInterval: SCRAPE_INTERVAL,
        evaluationInterval: EVALUATION_INTERVAL,
        check: { promtool: options.tools.promtool.path, amtool: options.tools.amtool.path },
      });
      // The fleet listens before Prometheus starts, so that no target is scraped down before
      // t=0 (as `firedrill run` does): `up == 0` alerts would page before anything was done.
      const clock = ScaledClock.startingNow(options.speed);
      const fleets = new Map<string, SimFleet>();
      for (const planned of plan) {
        log(`starting the fleet: ${planned.nodes.length} ${planned.system} node(s)`);
        const sim = await SimFleet.start(
          {
            system: planned.system,
            seed: options.seed ?? 42,
            time: clock.mapping,
            nodes: planned.nodes,
            controlPort: take(),
            otlpEndpoint: `http://127.0.0.1:${stackPorts.collectorOtlpHttp}`,
            logFile: path.join(dir, "logs", `sim-${planned.system}.log`),
          },
          {
            runDir: dir,
            env: { ...process.env, ...firedrillEnv(options.runId) } as Record<string, string>,
          },
        );
        stops.push(() => sim.stop());
        fleets.set(planned.system, sim);
      }
      log(`starting the stack (${options.driver.name})`);
      const stack = await options.driver.start(
        {
          runDir: dir,
          runId: options.runId,
          ports: stackPorts,
          files: configs.files,
          extraArgs: configs.extraArgs,
          tools: options.tools,
        },
        options.signal ? { signal: options.signal } : {},
      );
      stops.push(() => stack.stop());
      log("waiting for the first scrape of every target");
      const prometheus = new PrometheusClient(stack.prometheusUrl);
      await waitForTargets(prometheus, jobs, { timeoutMs: 30_000, signal: options.signal });
      return new RehearsalStack({
        fleet,
        clock,
        stack,
        fleets,
        webhook,
        otlp,
        proxies,
        prometheus,
        harnessFaults: builtinHarnessFaults(options.speed),
        loadedRuleFiles: configs.ruleFiles,
        t0: clock.elapsed(),
        stops,
      });
    } catch (error) {
      await runStops(stops);
      throw error;
    }
  }

  /** Fleet seconds since t=0. */
  now(): number {
    return (this.clock.elapsed() - this.t0) / 1000;
  }

  /** A wall-clock timestamp (ms) in fleet seconds since t=0. */
  toFleetSeconds(wallMs: number): number {
    return ((wallMs - this.clock.mapping.wallEpochMs) * this.clock.speed - this.t0) / 1000;
  }

  /** Stops the fleet, the stack and the sinks, newest first; safe to call twice. */
  async stop(): Promise<void> {
    await runStops(this.#stops);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}

/** Runs stop functions newest first, once each, never throwing. */
async function runStops(stops: (() => Promise<unknown>)[]): Promise<void> {
  while (stops.length > 0) await stops.pop()!().catch(() => undefined);
}
