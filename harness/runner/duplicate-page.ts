import type { AlertRecord, DeliveryRecord } from "../result/index.ts";
import { formatSeconds } from "../result/index.ts";
import { groupKey } from "./group-key.ts";
import type { MatchedRoute } from "./route-alerts.ts";

// Deliveries of one webhook call share its arrival time; two calls are seconds apart at least.
const SAME_NOTIFICATION = 0.5;

/**
 * A second page for the same firing that its route does not allow, as a sentence; undefined when
 * there is none. Alertmanager notifies a group again only when the group changed (an alert joined
 * or resolved) and a group_interval has passed since its last notification, or when
 * repeat_interval has passed; so each later firing notification of `episode` at the route's
 * receiver must come a group_interval after the one before with a changed group, or a
 * repeat_interval after it. `slack`: how late the run sees a notification (computed-window.ts).
 */
export function duplicatePage(
  who: string,
  episode: AlertRecord,
  route: MatchedRoute,
  deliveries: readonly DeliveryRecord[],
  slack: number,
): string | undefined {
  const key = groupKey(episode.labels, route);
  const group = deliveries.filter(
    (d) => d.receiver === route.receiver && groupKey(d.labels, route) === key,
  );
  const until = episode.endedAt ?? Number.POSITIVE_INFINITY;
  const same = (d: DeliveryRecord) =>
    Object.entries(episode.labels).every(([k, v]) => d.labels[k] === v);
  const pages = group.filter(
    (d) =>
      d.status === "firing" && same(d) && d.receivedAt >= episode.pendingAt && d.receivedAt < until,
  );
  // What one notification of the group said: each alert and its status.
  const content = (t: number) =>
    group
      .filter((d) => Math.abs(d.receivedAt - t) <= SAME_NOTIFICATION)
      .map((d) => `${d.status} ${JSON.stringify(Object.entries(d.labels).sort())}`)
      .sort()
      .join("\n");
  const at = (t: number) => `t=${formatSeconds(t)}`;
  for (let i = 1; i < pages.length; i++) {
    const previous = pages[i - 1]!.receivedAt;
    const next = pages[i]!.receivedAt;
    const gap = next - previous;
    if (gap <= SAME_NOTIFICATION) continue;
    const changed = content(previous) !== content(next);
    if (gap >= route.repeatInterval - slack) continue;
    if (changed && gap >= route.groupInterval - slack) continue;
    const why = changed
      ? `within group_interval ${formatSeconds(route.groupInterval)}`
      : `with nothing new in its group, within repeat_interval ${formatSeconds(route.repeatInterval)}`;
    return `${who} was paged twice at ${route.receiver}: at ${at(previous)} and again at ${at(next)}, ${formatSeconds(gap)} later, ${why} (the route to ${route.receiver} allows a changed group after group_interval ${formatSeconds(route.groupInterval)}, a repeat after repeat_interval ${formatSeconds(route.repeatInterval)}; each seen within ${formatSeconds(slack)}).`;
  }
  return undefined;
}
