import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.ts";
import type { FaultRecord, Reporter, ScenarioResult } from "../result/index.ts";
import { VIRTUAL_OBSERVATION_SLACK } from "../runner/computed-window.ts";
import { type JudgedConfiguration, judgeObservations } from "../runner/judge-observations.ts";
import { planFleet, systemOfFault } from "../runner/plan-fleet.ts";
import { EVALUATION_INTERVAL, SCRAPE_INTERVAL } from "../runner/run-scenario.ts";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import { freePorts } from "../stack/index.ts";
import { parseDuration } from "../time/index.ts";
import { runEvaluator } from "./evaluator-process.ts";
import { plainRuleFiles } from "./plain-rule-files.ts";
import { scrapeAddresses } from "./scrape-addresses.ts";
import { ScrapeSchedule } from "./scrape-schedule.ts";
import { stackEvents } from "./stack-events.ts";
import { VirtualFleet } from "./virtual-fleet.ts";
import { virtualObservations } from "./virtual-observations.ts";
import { virtualPrometheusConfig } from "./virtual-prometheus-config.ts";
import { virtualSkipReason } from "./virtual-skip-reason.ts";

/** How to run one scenario in virtual time. */
export interface RunVirtualScenarioOptions {
  readonly evaluator: string;
  readonly ruleFiles: readonly string[];
  readonly alertmanagerConfig: string;
  /** The rule files and Alertmanager config as read for judging, once per suite (virtualRunner). */
  readonly judged: JudgedConfiguration;
  readonly dir: string;
  readonly reporter: Reporter;
  /** Overrides the scenario's workload seed. */
  readonly seed?: number;
  /** The configuration computed windows come from (judgeObservations); the run's own by default. */
  readonly windowsFrom?: JudgedConfiguration;
  /** Ctrl-C: stops the evaluator at once. */
  readonly signal?: AbortSignal;
}

/**
 * Runs one scenario in virtual time: the fleet in this process on a virtual clock, scraped and
 * judged by the evaluator (Prometheus' and Alertmanager's own packages on a fake clock), the
 * same expectations judging the same kind of observations as a live run.
 */
export async function runVirtualScenario(
  { file, scenario }: LoadedScenario,
  options: RunVirtualScenarioOptions,
): Promise<ScenarioResult> {
  const wallStart = Date.now();
  const duration = parseDuration(scenario.duration) / 1000;
  const base = {
    name: scenario.name,
    file,
    driver: "virtual",
    speed: 0,
    startedAt: new Date(wallStart).toISOString(),
    durationFleetSeconds: duration,
  };
  const skip = virtualSkipReason(scenario);
  if (skip !== undefined) {
    options.reporter.onPhase?.(scenario.name, `skipped in virtual time: ${skip}`);
    return {
      ...base,
      state: "skipped",
      skipReason: skip,
      wallSeconds: 0,
      faults: [],
      alerts: [],
      deliveries: [],
      expectations: [],
    };
  }
  const dir = path.resolve(options.dir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, "logs"), { recursive: true });
  const nodeCount = Object.values(scenario.fleet).length * 64;
  const ports = await freePorts(Math.min(nodeCount, 256));
  const plan = planFleet(scenario.fleet, () => {
    const port = ports.shift();
    if (port === undefined) throw new Error("Failed to plan the fleet: ran out of free ports.");
    return port;
  });
  const seed = options.seed ?? scenario.seed ?? 42;
  const scraped = scrapeAddresses(plan, seed);
  const steps = scenario.faults.flatMap((step) => [
    { step, action: "inject" as const, at: parseDuration(step.at) / 1000 },
    ...(step.heal === undefined
      ? []
      : [{ step, action: "heal" as const, at: parseDuration(step.heal) / 1000 }]),
  ]);
  const actions = [...steps].sort((a, b) => a.at - b.at);
  const records = new Map<
    string,
    { id: string | null; injectedAt: number | null; healedAt: number | null }
  >();
  const scrapeSeconds = parseDuration(SCRAPE_INTERVAL) / 1000;
  const warmupSeconds = scrapeSeconds + 5;
  let fleet: VirtualFleet | undefined;
  const prometheusConfig = virtualPrometheusConfig(scraped.plan);
  const schedule = new ScrapeSchedule(prometheusConfig);
  let ahead: Promise<void> = Promise.resolve();
  const play = async (until: number) => {
    while (actions.length > 0 && actions[0]!.at <= until) {
      const { step, action, at } = actions.shift()!;
      await fleet!.advanceTo(at);
      const record = records.get(step.id) ?? { id: null, injectedAt: null, healedAt: null };
      const name = step.fault.name;
      if (action === "inject") record.id = await injectOnFleet(fleet!, step.fault, step.id);
      else if (record.id !== null) await healOnFleet(fleet!, step.fault, record.id);
      if (action === "inject") record.injectedAt = at;
      else record.healedAt = at;
      records.set(step.id, record);
      options.reporter.onFault?.(scenario.name, step, action, at);
      void name;
    }
  };
  const rules = await plainRuleFiles(options.ruleFiles, path.join(dir, "rules"));
  try {
    const evaluatorRecords = await runEvaluator(
      options.evaluator,
      {
        prometheusConfig,
        ruleFiles: rules.files,
        alertmanagerConfig: path.resolve(options.alertmanagerConfig),
        warmupSeconds,
        durationSeconds: duration,
        events: steps.flatMap(({ step, action, at }) => stackEvents(step.fault, action, at)),
      },
      {
        ...(options.signal ? { signal: options.signal } : {}),
        onStart: async (zeroMs) => {
          fleet = await VirtualFleet.start({
            plan,
            zeroMs,
            warmupMs: warmupSeconds * 1000,
            seed,
            logDir: path.join(dir, "logs"),
          });
        },
        scrape: async (target, urlPath, at) => {
          await ahead;
          await play(at);
          await fleet!.advanceTo(at);
          const reply = await fleet!.scrape(scraped.realOf.get(target) ?? target, urlPath);
          schedule.scraped(target, at);
          // Once this answer is written, run the fleet on to the soonest next scrape while the
          // evaluator ingests it and evaluates: the two processes work side by side.
          ahead = new Promise<void>((resolve, reject) => {
            setImmediate(() => {
              const next = Math.min(schedule.earliestNext() ?? at, duration);
              if (next <= at) return resolve();
              play(next)
                .then(() => fleet!.advanceTo(next))
                .then(resolve, reject);
            });
          });
          ahead.catch(() => undefined);
          return reply;
        },
      },
      rules.dir,
    );
    await ahead;
    await play(duration);
    const faults: FaultRecord[] = scenario.faults.map((step) => ({
      id: step.id,
      name: step.fault.name,
      target: step.fault.target ?? null,
      injectedAt: records.get(step.id)?.injectedAt ?? null,
      healedAt: records.get(step.id)?.healedAt ?? null,
    }));
    const observations = {
      faults,
      ...virtualObservations(evaluatorRecords, duration),
      end: duration,
    };
    for (const a of observations.alerts) {
      options.reporter.onAlertChange?.(
        scenario.name,
        a.alertname,
        a.labels,
        "pending",
        a.pendingAt,
      );
    }
    const expectations = await judgeObservations(scenario.expect, observations, {
      ...options.judged,
      scrapeInterval: SCRAPE_INTERVAL,
      evaluationInterval: EVALUATION_INTERVAL,
      evaluator: options.evaluator,
      observationSlack: VIRTUAL_OBSERVATION_SLACK,
      ...(options.windowsFrom ? { windowsFrom: options.windowsFrom } : {}),
    });
    return {
      ...base,
      state: expectations.every((e) => e.state === "passed") ? "passed" : "failed",
      wallSeconds: (Date.now() - wallStart) / 1000,
      ...observations,
      expectations,
      logsDir: path.join(dir, "logs"),
    };
  } finally {
    await fleet?.stop();
  }
}

/** Applies a fleet-side fault (sim faults, net.*, process.kill); returns the id its heal needs. */
async function injectOnFleet(
  fleet: VirtualFleet,
  fault: LoadedScenario["scenario"]["faults"][number]["fault"],
  stepId: string,
): Promise<string> {
  const param = (name: string) => fault.params?.[name];
  if (fault.name.startsWith("stack.") || fault.name === "receiver.outage") return stepId;
  if (fault.name.startsWith("net.")) {
    if (fault.target === undefined) {
      throw new InputError(
        `Failed to inject ${fault.name}: give it a target node, e.g. { name: "${fault.name}", target: "cosmictron-0" }.`,
      );
    }
    const mode =
      fault.name === "net.latency"
        ? ({ kind: "latency", seconds: Number(param("seconds") ?? 5) } as const)
        : fault.name === "net.timeout"
          ? ({ kind: "timeout" } as const)
          : ({ kind: "refuse" } as const);
    fleet.setPath(fault.target, mode);
    return stepId;
  }
  if (fault.name === "process.kill") {
    await fleet.kill(String(param("system") ?? ""));
    return stepId;
  }
  const system = systemOfFault(fault.name);
  if (!fleet.has(system)) {
    throw new InputError(
      `Failed to inject fault ${fault.name}: the scenario has no ${system} nodes in its fleet. Add them to \`fleet\`.`,
    );
  }
  return fleet.inject(system, fault);
}

/** Heals what injectOnFleet applied. */
async function healOnFleet(
  fleet: VirtualFleet,
  fault: LoadedScenario["scenario"]["faults"][number]["fault"],
  id: string,
): Promise<void> {
  if (fault.name.startsWith("stack.") || fault.name === "receiver.outage") return;
  if (fault.name.startsWith("net.")) return fleet.setPath(fault.target!, { kind: "pass" });
  if (fault.name === "process.kill") return fleet.restart(String(fault.params?.system ?? ""));
  return fleet.heal(systemOfFault(fault.name), id);
}
