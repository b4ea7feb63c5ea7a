import { parse as parseYaml } from "yaml";
import type { DetectionBudget, DetectionLatency } from "../result/detection-latency.ts";
import type { FiringObservation } from "../result/result.ts";
import type { RuleSource } from "../rules/types.ts";
import { parseDuration } from "../time/parse-duration.ts";

interface Route {
  receiver?: string;
  group_wait?: string;
  routes?: Route[];
}

/** The first route (depth first) that names `receiver`, inheriting group_wait from its parents. */
function groupWaitFor(
  route: Route,
  receiver: string | undefined,
  inherited: string,
): string | undefined {
  const own = route.group_wait ?? inherited;
  if (receiver === undefined || route.receiver === receiver) return own;
  for (const child of route.routes ?? []) {
    const found = groupWaitFor(child, receiver, own);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Takes the `for` of every alert of the rule files (readRuleFiles) and the routes of the Alertmanager config,
 * and returns the budget of an alert delivered to a receiver: scrape interval + evaluation
 * interval + `for` + group_wait, all in fleet time.
 */
export function detectionBudgets(
  ruleSources: readonly RuleSource[],
  alertmanagerText: string,
  intervals: { scrape: string; evaluation: string },
): (alert: string, receiver?: string) => DetectionBudget {
  const forOf = new Map<string, number>();
  for (const source of ruleSources) {
    for (const group of source.groups) {
      for (const rule of group.rules) {
        if (rule.kind === "alert")
          forOf.set(rule.name, rule.for ? parseDuration(rule.for) / 1000 : 0);
      }
    }
  }
  const root = ((parseYaml(alertmanagerText) as { route?: Route }).route ?? {}) as Route;
  const scrapeInterval = parseDuration(intervals.scrape) / 1000;
  const evaluationInterval = parseDuration(intervals.evaluation) / 1000;
  return (alert, receiver) => {
    const groupWait =
      parseDuration(groupWaitFor(root, receiver, "30s") ?? root.group_wait ?? "30s") / 1000;
    const forSeconds = forOf.get(alert) ?? 0;
    return {
      seconds: scrapeInterval + evaluationInterval + forSeconds + groupWait,
      scrapeInterval,
      evaluationInterval,
      for: forSeconds,
      groupWait,
    };
  };
}

/** The latencies of one firing expectation, from what was observed. */
export function detectionLatency(
  observed: FiringObservation,
  budget: DetectionBudget,
): DetectionLatency {
  const since = (from: number | null, to: number | null) =>
    from === null || to === null ? null : Math.round((to - from) * 10) / 10;
  const faultToDelivered = since(observed.faultAt, observed.deliveredAt);
  return {
    faultToPending: since(observed.faultAt, observed.pendingAt),
    faultToFiring: since(observed.faultAt, observed.firingAt),
    faultToDelivered,
    healToResolved: since(observed.healedAt, observed.resolvedAt),
    budget,
    deliveredWithinBudget: faultToDelivered === null ? null : faultToDelivered <= budget.seconds,
  };
}
