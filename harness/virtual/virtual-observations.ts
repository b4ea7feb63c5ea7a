import { AlertTracker } from "../observe/alert-tracker.ts";
import type { PrometheusAlert } from "../observe/prometheus-client.ts";
import type { AlertRecord, DeliveryRecord } from "../result/index.ts";
import type { EvaluatorRecord } from "./evaluator-process.ts";

/**
 * Turns the evaluator's records into the observations the live runner builds: its alert
 * transitions fed, evaluation by evaluation, to the same AlertTracker that follows the live
 * API, and each successful notification's alerts as webhook deliveries.
 */
export function virtualObservations(
  records: readonly EvaluatorRecord[],
  end: number,
): {
  alerts: AlertRecord[];
  deliveries: DeliveryRecord[];
} {
  const tracker = new AlertTracker();
  const active = new Map<string, PrometheusAlert>();
  // Absolute ms, so that the tracker can parse activeAt as it parses Prometheus' RFC 3339.
  const zero = Date.UTC(2000, 0, 1);
  const ms = (at: number) => zero + at * 1000;
  const transitions = records.filter((r) => r.kind === "alert").sort((a, b) => a.at - b.at);
  for (let i = 0; i < transitions.length; i++) {
    const t = transitions[i]!;
    const key = `${t.group}\0${JSON.stringify(Object.entries(t.labels).sort())}`;
    if (t.state === "inactive") active.delete(key);
    else {
      active.set(key, {
        labels: t.labels,
        annotations: t.annotations,
        state: t.state,
        activeAt: new Date(ms(t.activeAt)).toISOString(),
        value: "",
      });
    }
    if (transitions[i + 1]?.at !== t.at) tracker.observe([...active.values()], ms(t.at));
  }
  const seconds = (value: number | undefined) =>
    value === undefined ? null : (value - zero) / 1000;
  const alerts = tracker.episodes.map((e) => ({
    alertname: e.alertname,
    labels: e.labels,
    pendingAt: seconds(e.pendingAt)!,
    firingAt: seconds(e.firingAt),
    // Firing from firingAt until it ended (every evaluation in between saw it firing).
    lastFiringAt: e.firingAt === undefined ? null : (seconds(e.endedAt) ?? end),
    endedAt: seconds(e.endedAt),
  }));
  const deliveries = records.flatMap((r) =>
    r.kind === "notification" && !r.failed
      ? r.alerts.map((a) => ({
          receiver: r.receiver,
          status: a.status,
          labels: a.labels,
          groupKey: r.groupKey,
          receivedAt: r.at,
        }))
      : [],
  );
  return { alerts, deliveries };
}
