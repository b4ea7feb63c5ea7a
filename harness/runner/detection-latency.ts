import path from "node:path";
import type { DetectionBudget, DetectionLatency, FiringObservation } from "../result/index.ts";
import type { RuleSource } from "../rules/index.ts";
import { parseDuration } from "../time/index.ts";

/**
 * The `for` of every alerting rule by name, in fleet seconds, with the file it is in: a name may
 * be in several files.
 */
export function alertRuleFors(
  ruleSources: readonly RuleSource[],
): ReadonlyMap<string, readonly { readonly for: number; readonly file: string }[]> {
  const fors = new Map<string, { for: number; file: string }[]>();
  for (const source of ruleSources) {
    for (const group of source.groups) {
      for (const rule of group.rules) {
        if (rule.kind !== "alert") continue;
        const list = fors.get(rule.name) ?? [];
        list.push({
          for: rule.for ? parseDuration(rule.for) / 1000 : 0,
          file: path.relative(process.cwd(), source.file) || source.file,
        });
        fors.set(rule.name, list);
      }
    }
  }
  return fors;
}

/**
 * The budget of an alert delivered through a route: scrape interval + evaluation interval + the
 * rule's `for` + the route's group_wait (Alertmanager's own routing, route-alerts.ts), in fleet time.
 */
export function detectionBudget(parts: {
  readonly scrapeInterval: number;
  readonly evaluationInterval: number;
  readonly for: number;
  readonly groupWait: number;
}): DetectionBudget {
  return {
    seconds: parts.scrapeInterval + parts.evaluationInterval + parts.for + parts.groupWait,
    ...parts,
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
