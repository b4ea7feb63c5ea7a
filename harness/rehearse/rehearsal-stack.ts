import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { ScaledClock } from "../../sim/core/clock.ts";
import { topologyRegistry } from "../../sim/index.ts";
import { builtinHarnessFaults } from "../faults/builtin-faults.ts";
import type { HarnessFault } from "../faults/harness-fault.ts";
import type { ScrapeProxies } from "../faults/scrape-proxies.ts";
import type { OtlpSink } from "../observe/otlp-sink.ts";
import type { PrometheusClient } from "../observe/prometheus-client.ts";
import type { WebhookSink } from "../observe/webhook-sink.ts";
import { planRun } from "../runner/plan-run.ts";
import type { RunStackOptions } from "../runner/run-stack-options.ts";
import type { SimFleet } from "../runner/sim-fleet.ts";
import { startRun } from "../runner/start-run.ts";
import { Teardown } from "../runner/teardown.ts";
import type { FleetShape } from "../scenario/types.ts";
import type { StartedStack } from "../stack/index.ts";

/** What a rehearsal runs: which systems, how fast, with which rules and routing. */
export interface RehearsalStackOptions extends RunStackOptions {
  readonly dir: string;
  readonly systems: readonly string[];
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
  readonly #teardown: Teardown;

  private constructor(
    parts: Omit<RehearsalStack, "stop" | "now" | "toFleetSeconds" | typeof Symbol.asyncDispose> & {
      teardown: Teardown;
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
    this.#teardown = parts.teardown;
  }

  /**
   * Starts everything as a drill's start stage does (every node proxied); on any failure stops
   * what had started and rethrows.
   */
  static async start(options: RehearsalStackOptions): Promise<RehearsalStack> {
    const log = options.log ?? (() => undefined);
    const teardown = new Teardown((what, error) =>
      log(`failed to stop ${what}: ${error instanceof Error ? error.message : String(error)}`),
    );
    const dir = path.resolve(options.dir);
    await mkdir(path.join(dir, "logs"), { recursive: true });
    try {
      const fleet = defaultFleet(options.systems);
      // A scrape proxy in front of every node, so that net.* faults work.
      const plan = await planRun(fleet, { proxied: true });
      const run = await startRun(
        plan,
        dir,
        { ...options, phase: log, stackRunId: options.runId, seed: options.seed ?? 42 },
        teardown,
      );
      return new RehearsalStack({
        fleet,
        clock: run.clock,
        stack: run.stack,
        fleets: run.fleets,
        webhook: run.webhook,
        otlp: run.otlp,
        proxies: run.proxies!,
        prometheus: run.prometheus,
        harnessFaults: builtinHarnessFaults(options.speed),
        loadedRuleFiles: run.configs.ruleFiles,
        t0: run.clock.elapsed(),
        teardown,
      });
    } catch (error) {
      await teardown[Symbol.asyncDispose]();
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
    await this.#teardown[Symbol.asyncDispose]();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
