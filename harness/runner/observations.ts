import type { LabelMatch } from "../scenario/types.ts";
import type { AlertRecord, DeliveryRecord, FaultRecord, FleetSeconds } from "./result.ts";

/** Everything the run observed, in fleet seconds since t=0. */
export interface Observations {
  readonly faults: readonly FaultRecord[];
  readonly alerts: readonly AlertRecord[];
  readonly deliveries: readonly DeliveryRecord[];
  /** Fleet seconds at which observation stopped. */
  readonly end: FleetSeconds;
  /** Fleet seconds at which spans reached the trace sink (sorted; for spans-arrive). */
  readonly spanArrivals?: readonly FleetSeconds[];
}

/** Formats fleet seconds for messages: 452 → "7m32s", 0.5 → "0.5s". */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds * 10) / 10}s`;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h ? `${h}h` : ""}${m ? `${m}m` : ""}${s ? `${s}s` : ""}` || "0s";
}

/** `Name{a="b",c="d"}` as an operator writes a selector (alertname is the name, not a label). */
export function describeAlert(alert: string, labels: LabelMatch): string {
  const inner = Object.entries(labels)
    .filter(([k]) => k !== "alertname")
    .map(([k, v]) => `${k}="${v}"`)
    .join(",");
  return inner ? `${alert}{${inner}}` : alert;
}

/** Whether an alert record or delivery is `alert` with (at least) `labels`. */
export function matches(
  record: { labels: Readonly<Record<string, string>> },
  alert: string,
  labels: LabelMatch,
) {
  return (
    record.labels.alertname === alert &&
    Object.entries(labels).every(([k, v]) => record.labels[k] === v)
  );
}
