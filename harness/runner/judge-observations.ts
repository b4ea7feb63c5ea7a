import type { AlertRecord, ExpectationResult } from "../result/index.ts";
import type { RuleSource } from "../rules/index.ts";
import type { Expectation } from "../scenario/types.ts";
import { parseDuration } from "../time/index.ts";
import { computeWindow, windowViolation } from "./computed-window.ts";
import { alertRuleFors, detectionBudget, detectionLatency } from "./detection-latency.ts";
import { duplicatePage } from "./duplicate-page.ts";
import { describeAlert, evaluate, type Observations } from "./evaluate.ts";
import { groupKey } from "./group-key.ts";
import { matches } from "./observations.ts";
import { type MatchedRoute, routeAlerts } from "./route-alerts.ts";

/** The rules and routes a configuration holds, as a run read them. */
export interface JudgedConfiguration {
  /** The rule groups (readRuleFiles). */
  readonly ruleSources: readonly RuleSource[];
  /** The Alertmanager config as applied, after any AlertmanagerConfig merge, in fleet time. */
  readonly alertmanagerText: string;
}

/**
 * Judges a scenario's expectations against what a run observed (live or virtual). Each firing
 * expectation also gets the window its configuration allows (computed-window.ts): a firing
 * outside it fails, naming the bound and where it came from. `windowsFrom` is the configuration
 * the drill was written against — `firedrill mutate` and `tune` pass the unedited one, so an
 * edit that holds longer, shorter or delivers later fails — and the run's own by default.
 */
export async function judgeObservations(
  expect: readonly Expectation[],
  observations: Observations,
  config: JudgedConfiguration & {
    readonly scrapeInterval: string;
    readonly evaluationInterval: string;
    /** The evaluator binary: Alertmanager's own routing answers which route an alert takes. */
    readonly evaluator: string;
    /** How late the run sees a change (computed-window.ts: live or virtual slack). */
    readonly observationSlack: number;
    readonly windowsFrom?: JudgedConfiguration;
  },
): Promise<ExpectationResult[]> {
  const reference = config.windowsFrom ?? config;
  const referenceFors = alertRuleFors(reference.ruleSources);
  // Without windowsFrom the reference is the run's own configuration: its fors once.
  const runFors = reference === config ? referenceFors : alertRuleFors(config.ruleSources);
  const fired = observations.alerts.filter((a) => a.firingAt !== null);
  const routes = await routeAlerts(
    config.evaluator,
    reference.alertmanagerText,
    fired.map((a) => a.labels),
  );
  const routesOf = new Map<AlertRecord, MatchedRoute[]>(fired.map((a, i) => [a, routes[i] ?? []]));
  const scrape = parseDuration(config.scrapeInterval) / 1000;
  const evaluation = parseDuration(config.evaluationInterval) / 1000;

  return evaluate(expect, observations, (d) => parseDuration(d) / 1000).map((result) => {
    if (result.expectation.kind !== "fires" || !result.observed) return result;
    const e = result.expectation;
    const observed = result.observed;
    const episode = fired.find(
      (a) => matches(a, e.alert, e.labels) && a.firingAt === observed.firingAt,
    );
    const route = episode && pickRoute(routesOf.get(episode) ?? [], e.receiver);
    const rules = referenceFors.get(e.alert) ?? runFors.get(e.alert) ?? [];
    const window = computeWindow(
      {
        alert: e.alert,
        rules,
        route,
        groupActive: episode && route ? groupActive(episode, route, routesOf) : false,
        evaluationInterval: evaluation,
        observationSlack: config.observationSlack,
        faults: observations.faults,
      },
      observed,
    );
    const latency = {
      ...detectionLatency(
        observed,
        detectionBudget({
          scrapeInterval: scrape,
          evaluationInterval: evaluation,
          for: Math.max(0, ...rules.map((r) => r.for)),
          groupWait: route?.groupWait ?? 0,
        }),
      ),
      window,
    };
    const who = describeAlert(e.alert, e.labels);
    // A restart or receiver outage lifts the delivery bounds, and with them the duplicate check:
    // an Alertmanager that restarts forgets what it sent.
    const broken =
      result.state === "passed"
        ? (windowViolation(who, window, observed) ??
          (episode && route && !window.exempt
            ? duplicatePage(who, episode, route, observations.deliveries, config.observationSlack)
            : undefined))
        : undefined;
    return broken
      ? { state: "failed", expectation: e, title: result.title, message: broken, observed, latency }
      : { ...result, latency };
  });
}

/** The route that delivers to the expected receiver, or the first one the alert takes. */
function pickRoute(routes: readonly MatchedRoute[], receiver: string | undefined) {
  return routes.find((r) => r.receiver === receiver) ?? routes[0];
}

/**
 * Whether another alert of the same group on the same route fired before `alert` and was still
 * in the group (firing, or resolved less than a group_interval before): then Alertmanager sends
 * `alert` at the group's next flush, not group_wait after it arrives.
 */
function groupActive(
  alert: AlertRecord,
  route: MatchedRoute,
  routesOf: ReadonlyMap<AlertRecord, readonly MatchedRoute[]>,
): boolean {
  const key = groupKey(alert.labels, route);
  const firingAt = alert.firingAt!;
  for (const [other, routes] of routesOf) {
    if (other === alert || other.firingAt === null || other.firingAt >= firingAt) continue;
    if (other.endedAt !== null && other.endedAt + route.groupInterval < firingAt) continue;
    if (routes.some((r) => r.receiver === route.receiver && groupKey(other.labels, r) === key))
      return true;
  }
  return false;
}
