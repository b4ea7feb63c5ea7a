import type { ScaledClock } from "../../sim/core/clock.ts";
import { InputError, StartupError } from "../errors.ts";
import type { HarnessFault, HarnessFaultContext } from "../faults/harness-fault.ts";
import { AlertTracker } from "../observe/alert-tracker.ts";
import type { PrometheusClient } from "../observe/prometheus-client.ts";
import type { FaultRecord, Reporter } from "../result/index.ts";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import type { FaultSpec } from "../scenario/types.ts";
import { parseDuration } from "../time/index.ts";
import { missedFiring } from "./missed-firing.ts";
import { systemOfFault } from "./plan-fleet.ts";
import { RunAborted } from "./run-aborted.ts";
import type { SimFleet } from "./sim-fleet.ts";

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RunAborted("The run was interrupted.");
}

/** Plays faults at their fleet times while following Prometheus' alerts. */
export async function playTimeline(args: {
  scenario: LoadedScenario["scenario"];
  clock: ScaledClock;
  fleets: ReadonlyMap<string, SimFleet>;
  prometheus: PrometheusClient;
  reporter: Reporter;
  signal: AbortSignal | undefined;
  stopOnceMissed?: string;
  /** The rules' evaluation interval in fleet time: alerts are polled twice per interval. */
  evaluationInterval: string;
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
  let reported = 0;
  // Poll twice per evaluation interval (wall time), never faster than every 50 ms.
  const pollMs = Math.max(50, parseDuration(args.evaluationInterval) / clock.speed / 2);
  let nextTick = 60;
  for (;;) {
    throwIfAborted(signal);
    const t = now();
    if (t >= nextTick) {
      await reporter.onTick?.(scenario.name, t, duration);
      nextTick += 60 * Math.max(1, Math.round(duration / 60 / 10));
    }
    while (actions.length > 0 && actions[0]!.at <= t) {
      const { step, action } = actions.shift()!;
      const record = records.get(step.id) ?? { id: null, injectedAt: null, healedAt: null };
      if (action === "inject") {
        const harnessFault = harness.faults.get(step.fault.name);
        if (harnessFault) {
          record.heal = await harnessFault.apply(harness.context, step.fault);
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
      await reporter.onFault?.(
        scenario.name,
        step,
        action,
        action === "inject" ? record.injectedAt! : record.healedAt!,
      );
    }
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
    // Stamped when the answer came, not when the request left: a change the answer shows may
    // have happened while the request waited on a loaded machine, and a firing stamped at the
    // request's start was seen up to that wait early (59 s after pending under `for: 1m`).
    const polledAt = Date.now();
    for (const change of tracker.observe(alerts, polledAt)) {
      await reporter.onAlertChange?.(
        scenario.name,
        change.episode.alertname,
        change.episode.labels,
        change.to,
        toFleetSeconds(change.at),
      );
    }
    // Notifications are pushed to the webhook sink as they come; report the new ones.
    const { deliveries } = harness.context.webhook;
    for (; reported < deliveries.length; reported++) {
      const d = deliveries[reported]!;
      await reporter.onDelivery?.(scenario.name, {
        ...d,
        receivedAt: toFleetSeconds(d.receivedAt),
      });
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
      await reporter.onPhase?.(
        scenario.name,
        `${args.stopOnceMissed} missed its window: ending early`,
      );
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
  // Wall milliseconds of a fleet time, for queries of the stack over the drill's span.
  const toWallMs = (fleetSeconds: number) =>
    (fleetSeconds * 1000 + t0) / clock.speed + clock.mapping.wallEpochMs;
  return { tracker, faults, end: now(), toFleetSeconds, toWallMs };
}
