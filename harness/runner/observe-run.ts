import { collectAlertSeries } from "../observe/collect-alert-series.ts";
import { drillWallSpan } from "../observe/drill-wall-span.ts";
import type { Scenario } from "../scenario/types.ts";
import { parseDuration } from "../time/index.ts";
import { SCRAPE_INTERVAL } from "./intervals.ts";
import type { Observations } from "./observations.ts";
import type { playTimeline } from "./play-timeline.ts";
import type { StartedRun } from "./start-run.ts";

/** What playing the timeline gave: the alert episodes, the fault records and the time mapping. */
export type PlayedTimeline = Awaited<ReturnType<typeof playTimeline>>;

/**
 * The observe stage, while the stack is still up: the series behind the alerts the scenario
 * names or saw (at most six), queried from Prometheus for the report.
 */
export function querySeries(
  scenario: Scenario,
  run: StartedRun,
  played: PlayedTimeline,
  speed: number,
): ReturnType<typeof collectAlertSeries> {
  const { episodes } = played.tracker;
  return collectAlertSeries({
    prometheus: run.prometheus,
    alerts: [
      ...new Set([
        ...scenario.expect.flatMap((e) => ("alert" in e ? [e.alert] : [])),
        ...episodes.map((e) => e.alertname),
      ]),
    ].slice(0, 6),
    ruleTexts: run.configs.ruleSources.map((source) => source.text),
    speed,
    ...drillWallSpan(played),
    minStepSeconds: parseDuration(SCRAPE_INTERVAL) / 1000 / speed,
    seen: (alert) => episodes.filter((e) => e.alertname === alert).map((e) => e.labels),
  });
}

/**
 * The observe stage, once everything stopped: what the run saw, in fleet seconds (alert
 * episodes, deliveries, span arrivals), as the expectations judge it.
 */
export function observeRun(
  run: StartedRun,
  played: PlayedTimeline,
): Observations & Required<Pick<Observations, "spanArrivals">> {
  const toSeconds = (wallMs: number) => played.toFleetSeconds(wallMs);
  return {
    faults: played.faults,
    alerts: played.tracker.episodes.map((e) => ({
      alertname: e.alertname,
      labels: e.labels,
      pendingAt: toSeconds(e.pendingAt),
      firingAt: e.firingAt === undefined ? null : toSeconds(e.firingAt),
      firedAfter: e.firedAfter === undefined ? null : toSeconds(e.firedAfter),
      lastFiringAt: e.lastFiringAt === undefined ? null : toSeconds(e.lastFiringAt),
      endedAt: e.endedAt === undefined ? null : toSeconds(e.endedAt),
    })),
    deliveries: run.webhook.deliveries.map((d) => ({ ...d, receivedAt: toSeconds(d.receivedAt) })),
    end: played.end,
    spanArrivals: run.otlp.arrivals.map(toSeconds),
  };
}
