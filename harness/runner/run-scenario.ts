import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { builtinHarnessFaults } from "../faults/builtin-faults.ts";
import type { OtlpSink } from "../observe/otlp-sink.ts";
import type { Reporter, ScenarioResult } from "../result/index.ts";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import type { StartedStack } from "../stack/index.ts";
import { parseDuration } from "../time/index.ts";
import { LIVE_OBSERVATION_SLACK } from "./computed-window.ts";
import { ensureEvaluator } from "./ensure-evaluator.ts";
import { EVALUATION_INTERVAL, SCRAPE_INTERVAL } from "./intervals.ts";
import { type JudgedConfiguration, judgeObservations } from "./judge-observations.ts";
import { observeRun, querySeries } from "./observe-run.ts";
import { planRun } from "./plan-run.ts";
import { playTimeline } from "./play-timeline.ts";
import type { RunStackOptions } from "./run-stack-options.ts";
import type { SimFleet } from "./sim-fleet.ts";
import { startRun } from "./start-run.ts";
import { Teardown } from "./teardown.ts";

/** How to run one scenario. */
export interface RunScenarioOptions extends RunStackOptions {
  /** The scenario's own folder in the report: configs, logs. */
  readonly dir: string;
  readonly reporter: Reporter;
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
  /** Fixed ports for the UIs a person may want to watch; by default every port is free-chosen. */
  readonly fixedPorts?: { readonly prometheus?: number; readonly alertmanager?: number };
  /**
   * End the drill early once an expectation that this alert fires can no longer pass (its window
   * closed without it): `firedrill mutate` needs only the verdict, not the rest of the drill.
   */
  readonly stopOnceMissed?: string;
  /** The evaluator binary, whose `routes` mode is Alertmanager's own routing (judgeObservations); built when absent. */
  readonly evaluator?: string;
  /** The configuration computed windows come from; the run's own by default. */
  readonly windowsFrom?: JudgedConfiguration;
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

export { EVALUATION_INTERVAL, SCRAPE_INTERVAL } from "./intervals.ts";
export { RunAborted } from "./run-aborted.ts";

/**
 * Runs one scenario end to end on its own stack, in stages: plan (ports, the fleet's nodes),
 * start (sinks, configs, fleet, stack; stopped when the `await using` block ends, however it
 * ends), play (the fault timeline in fleet time, following alerts), observe (the alerts' series
 * while the stack is up, then what was seen), judge. Input and startup errors are thrown
 * (FiredrillError, exit 2); a failed expectation is a result with state "failed".
 */
export async function runScenario(
  { file, scenario }: LoadedScenario,
  options: RunScenarioOptions,
): Promise<ScenarioResult> {
  const { speed, reporter, signal } = options;
  const phase = async (text: string) => reporter.onPhase?.(scenario.name, text);
  const wallStart = Date.now();
  const dir = path.resolve(options.dir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, "logs"), { recursive: true });

  await phase("rendering configs");
  const plan = await planRun(scenario.fleet, {
    // net.* faults act on a proxy in front of every node.
    proxied: scenario.faults.some((f) => f.fault.name.startsWith("net.")),
    fixedPorts: options.fixedPorts ?? {},
  });
  const seen = await (async () => {
    await using teardown = new Teardown((what, error) =>
      phase(`failed to stop ${what}: ${error instanceof Error ? error.message : String(error)}`),
    );
    const run = await startRun(
      plan,
      dir,
      {
        ...options,
        phase,
        stackRunId: `${options.runId}-${scenario.name}`,
        seed: options.seed ?? scenario.seed ?? 42,
      },
      teardown,
    );
    await options.onStackReady?.(run.stack, run.fleets, run.otlp);
    const played = await playTimeline({
      scenario,
      clock: run.clock,
      fleets: run.fleets,
      prometheus: run.prometheus,
      reporter,
      signal,
      ...(options.stopOnceMissed ? { stopOnceMissed: options.stopOnceMissed } : {}),
      evaluationInterval: EVALUATION_INTERVAL,
      harness: {
        faults: builtinHarnessFaults(speed),
        context: {
          stack: run.stack,
          webhook: run.webhook,
          otlp: run.otlp,
          fleets: run.fleets,
          proxies: run.proxies,
        },
      },
    });
    await options.onTimelineEnd?.(run.stack, run.fleets, {
      toFleetSeconds: played.toFleetSeconds,
      toWallMs: played.toWallMs,
      end: played.end,
    });
    await phase("querying the series behind the alerts");
    const series = await querySeries(scenario, run, played, speed);
    await phase("stopping");
    return { run, played, series };
  })();

  const { spanArrivals, ...observations } = observeRun(seen.run, seen.played);
  const { ruleSources, alertmanagerText, speedOneRules } = seen.run.configs;
  const expectations = await judgeObservations(
    scenario.expect,
    { ...observations, spanArrivals },
    {
      ruleSources,
      alertmanagerText,
      scrapeInterval: SCRAPE_INTERVAL,
      evaluationInterval: EVALUATION_INTERVAL,
      evaluator: options.evaluator ?? (await ensureEvaluator()),
      observationSlack: LIVE_OBSERVATION_SLACK,
      ...(options.windowsFrom ? { windowsFrom: options.windowsFrom } : {}),
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
    series: seen.series,
  };
}
