import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { ScaledClock } from "../../sim/core/clock.ts";
import { writeStackConfigs } from "../config/write-stack-configs.ts";
import { builtinHarnessFaults } from "../faults/builtin-faults.ts";
import { ScrapeProxies } from "../faults/scrape-proxies.ts";
import { collectAlertSeries } from "../observe/collect-alert-series.ts";
import { OtlpSink } from "../observe/otlp-sink.ts";
import { PrometheusClient } from "../observe/prometheus-client.ts";
import { WebhookSink } from "../observe/webhook-sink.ts";
import type { Reporter } from "../result/reporter.ts";
import type { ScenarioResult } from "../result/result.ts";
import { fleetNodeIds } from "../scenario/fleet-nodes.ts";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import type { FleetShape } from "../scenario/types.ts";
import { checkPortFree } from "../stack/check-port-free.ts";
import { firedrillEnv } from "../stack/firedrill-env.ts";
import { freePorts } from "../stack/free-port.ts";
import type { StackDriver, StartedStack } from "../stack/types.ts";
import { parseDuration } from "../time/parse-duration.ts";
import type { Tools } from "../tools/tools.ts";
import { judgeObservations } from "./judge-observations.ts";
import { planFleet } from "./plan-fleet.ts";
import { playTimeline } from "./play-timeline.ts";
import { RunAborted } from "./run-aborted.ts";
import { SimFleet } from "./sim-fleet.ts";
import { waitForTargets } from "./wait-for-targets.ts";

/** How to run one scenario. */
export interface RunScenarioOptions {
  readonly runId: string;
  readonly driver: StackDriver;
  readonly tools: Tools;
  readonly speed: number;
  /** Rule files (as the user wrote them, in fleet time). */
  readonly ruleFiles: readonly string[];
  readonly alertmanagerConfig: string;
  /** The scenario's own folder in the report: configs, logs. */
  readonly dir: string;
  readonly reporter: Reporter;
  readonly signal?: AbortSignal;
  /** Called once the stack is up, so a caller can, e.g., query it (tests). */
  readonly onStackReady?: (
    stack: StartedStack,
    fleets: ReadonlyMap<string, SimFleet>,
    otlp: OtlpSink,
  ) => Promise<void>;
  /**
   * Called when the timeline has played, before anything stops (measurements, benchmarks,
   * `firedrill export`), with the mapping between wall and fleet time.
   */
  readonly onTimelineEnd?: (
    stack: StartedStack,
    fleets: ReadonlyMap<string, SimFleet>,
    timeline: TimelineClock,
  ) => Promise<void>;
  /** The workload seed (`--seed`/`--seeds`); the scenario's own when absent. */
  readonly seed?: number;
  /** Fixed ports for the UIs a person may want to watch; by default every port is free-chosen. */
  readonly fixedPorts?: { readonly prometheus?: number; readonly alertmanager?: number };
  /**
   * End the drill early once an expectation that this alert fires can no longer pass (its window
   * closed without it): `firedrill mutate` needs only the verdict, not the rest of the drill.
   */
  readonly stopOnceMissed?: string;
}

/** How a played timeline maps wall time to fleet time. */
export interface TimelineClock {
  /** Fleet seconds since t=0 at a wall time (ms since the epoch). */
  readonly toFleetSeconds: (wallMs: number) => number;
  /** Wall ms since the epoch at a fleet time. */
  readonly toWallMs: (fleetSeconds: number) => number;
  /** Fleet seconds at which the timeline ended. */
  readonly end: number;
}

/** The fleet scrape interval the configs use, before speed-up. */
export const SCRAPE_INTERVAL = "15s";
export const EVALUATION_INTERVAL = "15s";

export { RunAborted } from "./run-aborted.ts";

/**
 * Runs one scenario end to end on its own stack: renders configs, starts the fleet and the
 * stack, plays the fault timeline in fleet time, follows alerts and deliveries, stops
 * everything, and judges the expectations. Input and startup errors are thrown
 * (FiredrillError, exit 2); a failed expectation is a result with state "failed".
 */
export async function runScenario(
  { file, scenario }: LoadedScenario,
  options: RunScenarioOptions,
): Promise<ScenarioResult> {
  const { speed, reporter, tools, signal } = options;
  const phase = async (text: string) => reporter.onPhase?.(scenario.name, text);
  const cleanups: (() => Promise<unknown>)[] = [];
  const wallStart = Date.now();
  const dir = path.resolve(options.dir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, "logs"), { recursive: true });
  try {
    await phase("rendering configs");
    const fixed = options.fixedPorts ?? {};
    if (fixed.prometheus !== undefined) await checkPortFree(fixed.prometheus, "prometheus");
    if (fixed.alertmanager !== undefined) await checkPortFree(fixed.alertmanager, "alertmanager");
    const webhook = await WebhookSink.start();
    cleanups.push(() => webhook.close());
    const otlp = await OtlpSink.start();
    cleanups.push(() => otlp.close());
    const nodeCount = [...fleetNodeIds(scenario.fleet).values()].reduce(
      (n, ids) => n + ids.length,
      0,
    );
    const systems = Object.keys(scenario.fleet).filter(
      (s) => scenario.fleet[s as keyof FleetShape] !== undefined,
    );
    // net.* faults act on a loopback proxy in front of every node.
    const proxied = scenario.faults.some((f) => f.fault.name.startsWith("net."));
    const ports = await freePorts(nodeCount * (proxied ? 2 : 1) + systems.length + 7);
    const takePort = () => ports.shift()!;
    const stackPorts = {
      prometheus: fixed.prometheus ?? takePort(),
      alertmanager: fixed.alertmanager ?? takePort(),
      alertmanagerCluster: takePort(),
      collectorOtlpGrpc: takePort(),
      collectorOtlpHttp: takePort(),
      collectorPrometheus: takePort(),
      collectorTelemetry: takePort(),
    };
    const plan = planFleet(scenario.fleet, takePort);
    const proxies = proxied
      ? await ScrapeProxies.start(
          plan.flatMap((p) => p.nodes),
          takePort,
        )
      : undefined;
    if (proxies) cleanups.push(() => proxies.close());
    const nodeOfAddress = new Map(
      plan.flatMap((p) => p.nodes.map((n): [string, string] => [`127.0.0.1:${n.port}`, n.id])),
    );
    const fleetJobs = plan.flatMap((p) =>
      p.scrapeJobs.map((job) => ({
        ...job,
        targets: job.targets.map((t) => {
          const node = nodeOfAddress.get(t.address);
          return { ...t, address: (node && proxies?.addressFor(node)) ?? t.address };
        }),
      })),
    );
    const { files, extraArgs, speedOneRules, ruleSources, alertmanagerText } =
      await writeStackConfigs({
        runDir: dir,
        speed,
        ruleFiles: options.ruleFiles,
        alertmanagerConfig: options.alertmanagerConfig,
        ports: stackPorts,
        jobs: fleetJobs.map((j) => ({
          job: j.job,
          targets: j.targets,
          ...(j.metricsPath ? { metricsPath: j.metricsPath } : {}),
          ...(j.honorLabels ? { honorLabels: true } : {}),
        })),
        webhookOrigin: webhook.origin,
        traceSinkUrl: otlp.url,
        scrapeInterval: SCRAPE_INTERVAL,
        evaluationInterval: EVALUATION_INTERVAL,
        check: { promtool: tools.promtool.path, amtool: tools.amtool.path },
      });
    // Rules that read wall-clock time cannot be sped up: the rest drills, these are named.
    for (const message of speedOneRules) phase(`left out: ${message}`);
    throwIfAborted(signal);

    // The fleet listens before Prometheus starts, so that no target is ever scraped down before
    // t=0: a slow fleet start would otherwise page `up == 0` alerts before the drill begins.
    const clock = ScaledClock.startingNow(speed);
    const fleets = new Map<string, SimFleet>();
    for (const planned of plan) {
      await phase(`starting the fleet: ${planned.nodes.length} ${planned.system} node(s)`);
      const fleet = await SimFleet.start(
        {
          system: planned.system,
          seed: options.seed ?? scenario.seed ?? 42,
          time: clock.mapping,
          nodes: planned.nodes,
          controlPort: takePort(),
          otlpEndpoint: `http://127.0.0.1:${stackPorts.collectorOtlpHttp}`,
          logFile: path.join(dir, "logs", `sim-${planned.system}.log`),
        },
        {
          runDir: dir,
          env: { ...process.env, ...firedrillEnv(options.runId) } as Record<string, string>,
        },
      );
      cleanups.push(() => fleet.stop());
      fleets.set(planned.system, fleet);
      throwIfAborted(signal);
    }

    await phase(`starting the stack (${options.driver.name})`);
    const stack = await options.driver.start(
      {
        runDir: dir,
        runId: `${options.runId}-${scenario.name}`,
        ports: stackPorts,
        files,
        extraArgs,
        tools,
      },
      { ...(signal ? { signal } : {}) },
    );
    cleanups.push(() => stack.stop());
    throwIfAborted(signal);

    await phase("waiting for the first scrape of every target");
    const prometheus = new PrometheusClient(stack.prometheusUrl);
    await waitForTargets(prometheus, fleetJobs, { timeoutMs: 30_000, signal });
    await options.onStackReady?.(stack, fleets, otlp);

    const result = await playTimeline({
      scenario,
      clock,
      fleets,
      prometheus,
      reporter,
      signal,
      ...(options.stopOnceMissed ? { stopOnceMissed: options.stopOnceMissed } : {}),
      evaluationInterval: EVALUATION_INTERVAL,
      harness: {
        faults: builtinHarnessFaults(speed),
        context: { stack, webhook, otlp, fleets, proxies },
      },
    });
    await options.onTimelineEnd?.(stack, fleets, {
      toFleetSeconds: result.toFleetSeconds,
      toWallMs: result.toWallMs,
      end: result.end,
    });
    await phase("querying the series behind the alerts");
    const { episodes } = result.tracker;
    const series = await collectAlertSeries({
      prometheus,
      alerts: [
        ...new Set([
          ...scenario.expect.flatMap((e) => ("alert" in e ? [e.alert] : [])),
          ...episodes.map((e) => e.alertname),
        ]),
      ].slice(0, 6),
      ruleTexts: ruleSources.map((source) => source.text),
      speed,
      startWallMs: result.toWallMs(0),
      endWallMs: result.toWallMs(result.end),
      toFleetSeconds: result.toFleetSeconds,
      minStepSeconds: parseDuration(SCRAPE_INTERVAL) / 1000 / speed,
      seen: (alert) => episodes.filter((e) => e.alertname === alert).map((e) => e.labels),
    });
    await phase("stopping");
    await runCleanups(cleanups);
    const toSeconds = (wallMs: number) => result.toFleetSeconds(wallMs);
    const observations = {
      faults: result.faults,
      alerts: result.tracker.episodes.map((e) => ({
        alertname: e.alertname,
        labels: e.labels,
        pendingAt: toSeconds(e.pendingAt),
        firingAt: e.firingAt === undefined ? null : toSeconds(e.firingAt),
        lastFiringAt: e.lastFiringAt === undefined ? null : toSeconds(e.lastFiringAt),
        endedAt: e.endedAt === undefined ? null : toSeconds(e.endedAt),
      })),
      deliveries: webhook.deliveries.map((d) => ({
        receiver: d.receiver,
        status: d.status,
        labels: d.labels,
        receivedAt: toSeconds(d.receivedAt),
      })),
      end: result.end,
    };
    const spanArrivals = otlp.arrivals.map(toSeconds);
    const expectations = await judgeObservations(
      scenario.expect,
      { ...observations, spanArrivals },
      {
        ruleSources,
        alertmanagerText,
        scrapeInterval: SCRAPE_INTERVAL,
        evaluationInterval: EVALUATION_INTERVAL,
      },
    );
    await rm(path.join(dir, "prometheus-data"), { recursive: true, force: true });
    await rm(path.join(dir, "alertmanager-data"), { recursive: true, force: true });
    return {
      name: scenario.name,
      file,
      state: expectations.every((e) => e.state === "passed") ? "passed" : "failed",
      driver: options.driver.name,
      speed,
      startedAt: new Date(wallStart).toISOString(),
      wallSeconds: (Date.now() - wallStart) / 1000,
      durationFleetSeconds: parseDuration(scenario.duration) / 1000,
      ...observations,
      expectations,
      logsDir: path.join(dir, "logs"),
      ...(speedOneRules.length > 0 ? { speedOneRules } : {}),
      series,
    };
  } finally {
    await runCleanups(cleanups);
  }
}

/** Runs cleanups newest first, once each, never throwing. */
async function runCleanups(cleanups: (() => Promise<unknown>)[]): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop()!;
    await cleanup().catch(() => undefined);
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RunAborted("The run was interrupted.");
}
