import type { AlertRecord, DeliveryRecord, FaultRecord, FleetSeconds } from "../result/index.ts";
import type { LabelMatch } from "../scenario/types.ts";

export { describeAlert, formatSeconds } from "../result/index.ts";

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
