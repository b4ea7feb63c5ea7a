import type { MatchedRoute } from "./route-alerts.ts";

/**
 * The values a label set's group is keyed by on a route: its group_by labels, or all of them
 * (`group_by: ['...']`), with the receiver — the group Alertmanager's dispatcher puts it in.
 */
export function groupKey(labels: Readonly<Record<string, string>>, route: MatchedRoute): string {
  const names = route.groupByAll ? Object.keys(labels).sort() : route.groupBy;
  return JSON.stringify([route.receiver, ...names.map((n) => labels[n] ?? "")]);
}
