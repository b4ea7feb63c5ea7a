import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { ScaledClock } from "../../sim/core/clock.ts";
import { renderAlertmanagerConfig } from "../config/render-alertmanager-config.ts";
import { renderCollectorConfig } from "../config/render-collector-config.ts";
import { renderPrometheusConfig } from "../config/render-prometheus-config.ts";
import { alertmanagerTimeFlags, prometheusTimeFlags } from "../config/time-flags.ts";
import { checkAlertmanagerConfig, checkRules } from "../config/promtool.ts";
import { AlertTracker } from "../observe/alert-tracker.ts";
import { OtlpSink } from "../observe/otlp-sink.ts";
import { PrometheusClient } from "../observe/prometheus-client.ts";
import { WebhookSink } from "../observe/webhook-sink.ts";
import { parseDuration } from "../time/parse-duration.ts";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import { checkPortFree } from "../stack/check-port-free.ts";
import { firedrillEnv } from "../stack/firedrill-env.ts";
import { freePorts } from "../stack/free-port.ts";
import type { StackDriver, StartedStack } from "../stack/types.ts";
import { rewriteRuleFile } from "../time/rewrite-rule-file.ts";
import type { Tools } from "../tools/tools.ts";
import { evaluate } from "./evaluate.ts";
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
  readonly onStackReady?: (stack: StartedStack, fleet: SimFleet, otlp: OtlpSink) => Promise<void>;
  /** Fixed ports for the UIs a person may want to watch; by default every port is free-chosen. */
  readonly fixedPorts?: { readonly prometheus?: number; readonly alertmanager?: number };
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
  await mkdir(path.join(dir, "rules"), { recursive: true });
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
    const nodeCount = scenario.fleet.cosmictron?.nodes ?? 0;
    const ports = await freePorts(nodeCount + 8);
    const [controlPort, p1, p2, p3, p4, p5, p6, p7, ...nodePorts] = ports as [number, ...number[]];
    const stackPorts = {
      prometheus: fixed.prometheus ?? p1!,
      alertmanager: fixed.alertmanager ?? p2!,
      alertmanagerCluster: p3!,
      collectorOtlpGrpc: p4!,
      collectorOtlpHttp: p5!,
      collectorPrometheus: p6!,
      collectorTelemetry: p7!,
    };
    const nodes = nodePorts.map((port, i) => ({ id: `cosmictron-${i}`, port }));

    const ruleFiles: string[] = [];
    for (const original of options.ruleFiles) {
      await checkRules(original, tools.promtool.path);
      const rewritten = rewriteRuleFile(await readFile(original, "utf8"), { speed, file: original });
      const target = path.join(dir, "rules", path.basename(original));
      await writeFile(target, rewritten);
      await checkRules(target, tools.promtool.path);
      ruleFiles.push(target);
    }
    const files = {
      prometheusConfig: path.join(dir, "prometheus.yml"),
      alertmanagerConfig: path.join(dir, "alertmanager.yml"),
      collectorConfig: path.join(dir, "otelcol.yml"),
    };
    const amText = await readFile(options.alertmanagerConfig, "utf8");
    await writeFile(
      files.alertmanagerConfig,
      renderAlertmanagerConfig(amText, {
        speed,
        webhookOrigin: webhook.origin,
        file: options.alertmanagerConfig,
      }),
    );
    await checkAlertmanagerConfig(files.alertmanagerConfig, tools.amtool.path);
    await writeFile(
      files.collectorConfig,
      renderCollectorConfig({
        speed,
        ports: {
          otlpGrpc: stackPorts.collectorOtlpGrpc,
          otlpHttp: stackPorts.collectorOtlpHttp,
          prometheus: stackPorts.collectorPrometheus,
          telemetry: stackPorts.collectorTelemetry,
        },
        traceSinkUrl: otlp.url,
      }),
    );
    await writeFile(
      files.prometheusConfig,
      renderPrometheusConfig({
        speed,
        scrapeInterval: SCRAPE_INTERVAL,
        evaluationInterval: EVALUATION_INTERVAL,
        ruleFiles,
        alertmanagerUrl: `127.0.0.1:${stackPorts.alertmanager}`,
        jobs: [
          {
            job: "cosmictron",
            targets: nodes.map((n) => ({ address: `127.0.0.1:${n.port}`, labels: { node: n.id } })),
          },
        ],
        collectorPrometheus: `127.0.0.1:${stackPorts.collectorPrometheus}`,
        collectorTelemetry: `127.0.0.1:${stackPorts.collectorTelemetry}`,
      }),
    );
    throwIfAborted(signal);

    phase(`starting the stack (${options.driver.name})`);
    const stack = await options.driver.start(
      {
        runDir: dir,
        runId: `${options.runId}-${scenario.name}`,
        ports: stackPorts,
        files,
        extraArgs: { prometheus: prometheusTimeFlags(speed), alertmanager: alertmanagerTimeFlags(speed) },
        tools,
      },
      { ...(signal ? { signal } : {}) },
    );
    cleanups.push(() => stack.stop());
    throwIfAborted(signal);

    phase(`starting the fleet (${nodeCount} cosmictron nodes)`);
    const clock = ScaledClock.startingNow(speed);
    const fleet = await SimFleet.start(
      {
        system: "cosmictron",
        seed: scenario.seed ?? 42,
        time: clock.mapping,
        nodes,
        controlPort,
        otlpEndpoint: stack.collectorOtlpHttpUrl,
        logFile: path.join(dir, "logs", "sim-cosmictron.log"),
      },
      { runDir: dir, env: { ...process.env, ...firedrillEnv(options.runId) } as Record<string, string> },
    );
    cleanups.push(() => fleet.stop());

    phase("waiting for the first scrape of every target");
    const prometheus = new PrometheusClient(stack.prometheusUrl);
    await waitForTargets(prometheus, "cosmictron", nodeCount, { timeoutMs: 30_000, signal });
    await options.onStackReady?.(stack, fleet, otlp);

    const result = await playTimeline({ scenario, clock, fleet, prometheus, reporter, signal });
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
    const expectations = evaluate(scenario.expect, observations, (d) => parseDuration(d) / 1000);
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
  fleet: SimFleet;
  prometheus: PrometheusClient;
  reporter: Reporter;
  signal: AbortSignal | undefined;
}) {
  const { scenario, clock, fleet, prometheus, reporter, signal } = args;
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
  const records = new Map<string, { id: string | null; injectedAt: number | null; healedAt: number | null }>();
  const tracker = new AlertTracker();
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
        record.id = await fleet.inject(step.fault);
        record.injectedAt = now();
      } else if (record.id) {
        await fleet.heal(record.id);
        record.healedAt = now();
      }
      records.set(step.id, record);
      reporter.onFault?.(scenario.name, step, action, action === "inject" ? record.injectedAt! : record.healedAt!);
    }
    const polledAt = Date.now();
    const alerts = await prometheus.alerts();
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
