import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { ScaledClock } from "../../sim/core/clock.ts";
import { writeStackConfigs } from "../config/write-stack-configs.ts";
import { InputError, StartupError } from "../errors.ts";
import { builtinHarnessFaults } from "../faults/builtin-faults.ts";
import type { HarnessFault, HarnessFaultContext } from "../faults/harness-fault.ts";
import { ScrapeProxies } from "../faults/scrape-proxies.ts";
import { AlertTracker } from "../observe/alert-tracker.ts";
import { OtlpSink } from "../observe/otlp-sink.ts";
import { PrometheusClient } from "../observe/prometheus-client.ts";
import { WebhookSink } from "../observe/webhook-sink.ts";
import { fleetNodeIds } from "../scenario/fleet-node-ids.ts";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import type { FaultSpec, FleetShape } from "../scenario/types.ts";
import { checkPortFree } from "../stack/check-port-free.ts";
import { firedrillEnv } from "../stack/firedrill-env.ts";
import { freePorts } from "../stack/free-port.ts";
import type { StackDriver, StartedStack } from "../stack/types.ts";
import { parseDuration } from "../time/parse-duration.ts";
import type { Tools } from "../tools/tools.ts";
import { detectionBudgets, detectionLatency } from "./detection-latency.ts";
import { evaluate } from "./evaluate.ts";
import { missedFiring } from "./missed-firing.ts";
import { planFleet, systemOfFault } from "./plan-fleet.ts";
import type { Reporter } from "./reporter.ts";
import type { FaultRecord, ScenarioResult } from "./result.ts";
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
  /** Called when the timeline has played, before anything stops (measurements, benchmarks). */
  readonly onTimelineEnd?: (
    stack: StartedStack,
    fleets: ReadonlyMap<string, SimFleet>,
  ) => Promise<void>;
  /** Fixed ports for the UIs a person may want to watch; by default every port is free-chosen. */
  readonly fixedPorts?: { readonly prometheus?: number; readonly alertmanager?: number };
  /**
   * End the drill early once an expectation that this alert fires can no longer pass (its window
   * closed without it): `firedrill mutate` needs only the verdict, not the rest of the drill.
   */
  readonly stopOnceMissed?: string;
}

/** The fleet scrape interval the configs use, before speed-up. */
const SCRAPE_INTERVAL = "15s";
const EVALUATION_INTERVAL = "15s";

/** Thrown when the user interrupts a run; the CLI exits 130 after cleanup. */
export class RunAborted extends Error {
  override name = "RunAborted";
}

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
  const phase = (text: string) => reporter.onPhase?.(scenario.name, text);
  const cleanups: (() => Promise<unknown>)[] = [];
  const wallStart = Date.now();
  const dir = path.resolve(options.dir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, "logs"), { recursive: true });
  try {
    phase("rendering configs");
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
    const { files, extraArgs } = await writeStackConfigs({
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
    throwIfAborted(signal);

    phase(`starting the stack (${options.driver.name})`);
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

    const clock = ScaledClock.startingNow(speed);
    const fleets = new Map<string, SimFleet>();
    for (const planned of plan) {
      phase(`starting the fleet: ${planned.nodes.length} ${planned.system} node(s)`);
      const fleet = await SimFleet.start(
        {
          system: planned.system,
          seed: scenario.seed ?? 42,
          time: clock.mapping,
          nodes: planned.nodes,
          controlPort: takePort(),
          otlpEndpoint: stack.collectorOtlpHttpUrl,
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

    phase("waiting for the first scrape of every target");
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
      harness: {
        faults: builtinHarnessFaults(speed),
        context: { stack, webhook, otlp, fleets, proxies },
      },
    });
    await options.onTimelineEnd?.(stack, fleets);
    phase("stopping");
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
    const budgetOf = detectionBudgets(
      await Promise.all(options.ruleFiles.map((f) => readFile(f, "utf8"))),
      await readFile(options.alertmanagerConfig, "utf8"),
      { scrape: SCRAPE_INTERVAL, evaluation: EVALUATION_INTERVAL },
    );
    const spanArrivals = otlp.arrivals.map(toSeconds);
    const expectations = evaluate(
      scenario.expect,
      { ...observations, spanArrivals },
      (d) => parseDuration(d) / 1000,
    ).map((result) =>
      result.expectation.kind === "fires" && result.observed
        ? {
            ...result,
            latency: detectionLatency(
              result.observed,
              budgetOf(result.expectation.alert, result.expectation.receiver),
            ),
          }
        : result,
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

/** Plays faults at their fleet times while following Prometheus' alerts. */
async function playTimeline(args: {
  scenario: LoadedScenario["scenario"];
  clock: ScaledClock;
  fleets: ReadonlyMap<string, SimFleet>;
  prometheus: PrometheusClient;
  reporter: Reporter;
  signal: AbortSignal | undefined;
  stopOnceMissed?: string;
  harness: { faults: ReadonlyMap<string, HarnessFault>; context: HarnessFaultContext };
}) {
  const { scenario, clock, fleets, prometheus, reporter, signal, harness } = args;
  const fleetOf = (fault: FaultSpec) => {
    const fleet = fleets.get(systemOfFault(fault.name));
    if (!fleet) {
      throw new InputError(
        `Failed to inject fault ${fault.name}: scenario "${scenario.name}" has no ${systemOfFault(fault.name)} nodes in its fleet. Add them to \`fleet\`.`,
      );
    }
    return fleet;
  };
  const t0 = clock.elapsed();
  const toFleetSeconds = (wallMs: number) =>
    ((wallMs - clock.mapping.wallEpochMs) * clock.speed - t0) / 1000;
  const now = () => (clock.elapsed() - t0) / 1000;
  const duration = parseDuration(scenario.duration) / 1000;
  const actions = scenario.faults
    .flatMap((step) => [
      { step, action: "inject" as const, at: parseDuration(step.at) / 1000 },
      ...(step.heal === undefined
        ? []
        : [{ step, action: "heal" as const, at: parseDuration(step.heal) / 1000 }]),
    ])
    .sort((a, b) => a.at - b.at);
  const records = new Map<
    string,
    {
      id: string | null;
      heal?: () => Promise<void>;
      injectedAt: number | null;
      healedAt: number | null;
    }
  >();
  const tracker = new AlertTracker();
  let unanswered = 0;
  // Poll twice per evaluation interval (wall time), never faster than every 50 ms.
  const pollMs = Math.max(50, parseDuration(EVALUATION_INTERVAL) / clock.speed / 2);
  let nextTick = 60;
  for (;;) {
    throwIfAborted(signal);
    const t = now();
    if (t >= nextTick) {
      reporter.onTick?.(scenario.name, t, duration);
      nextTick += 60 * Math.max(1, Math.round(duration / 60 / 10));
    }
    while (actions.length > 0 && actions[0]!.at <= t) {
      const { step, action } = actions.shift()!;
      const record = records.get(step.id) ?? { id: null, injectedAt: null, healedAt: null };
      if (action === "inject") {
        const harnessFault = harness.faults.get(step.fault.name);
        if (harnessFault) {
          record.heal = await harnessFault.inject(harness.context, step.fault);
          record.id = step.id;
        } else {
          record.id = await fleetOf(step.fault).inject(step.fault);
        }
        record.injectedAt = now();
      } else if (record.id) {
        if (record.heal) await record.heal();
        else await fleetOf(step.fault).heal(record.id);
        record.healedAt = now();
      }
      records.set(step.id, record);
      reporter.onFault?.(
        scenario.name,
        step,
        action,
        action === "inject" ? record.injectedAt! : record.healedAt!,
      );
    }
    const polledAt = Date.now();
    // While Prometheus restarts (a watcher fault) it does not answer: skip those polls rather
    // than take its silence for "no alerts". A Prometheus that stays away fails the run.
    let alerts: Awaited<ReturnType<PrometheusClient["alerts"]>>;
    try {
      alerts = await prometheus.alerts();
      unanswered = 0;
    } catch (error) {
      if (t >= duration) break;
      if (++unanswered * pollMs > 60_000) {
        throw new StartupError(
          `Failed to follow alerts: Prometheus at ${prometheus.url} has not answered for a minute (${(error as Error).message}). Its log is in the scenario's logs folder.`,
          { component: "prometheus" },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      continue;
    }
    for (const change of tracker.observe(alerts, polledAt)) {
      reporter.onAlertChange?.(
        scenario.name,
        change.episode.alertname,
        change.episode.labels,
        change.to,
        toFleetSeconds(change.at),
      );
    }
    if (t >= duration) break;
    if (
      args.stopOnceMissed &&
      missedFiring({
        alert: args.stopOnceMissed,
        expectations: scenario.expect,
        episodes: tracker.episodes,
        now: t,
        injectedAt: (step) => records.get(step)?.injectedAt ?? null,
        fleetSeconds: toFleetSeconds,
        parseSeconds: (d) => parseDuration(d) / 1000,
      })
    ) {
      reporter.onPhase?.(scenario.name, `${args.stopOnceMissed} missed its window: ending early`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  const faults: FaultRecord[] = scenario.faults.map((step) => {
    const r = records.get(step.id);
    return {
      id: step.id,
      name: step.fault.name,
      target: step.fault.target ?? null,
      injectedAt: r?.injectedAt ?? null,
      healedAt: r?.healedAt ?? null,
    };
  });
  return { tracker, faults, end: now(), toFleetSeconds };
}
