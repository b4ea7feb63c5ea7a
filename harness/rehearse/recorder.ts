import { AlertTracker } from "../observe/alert-tracker.ts";
import type { PrometheusAlert } from "../observe/prometheus-client.ts";
import type { Delivery } from "../observe/webhook-sink.ts";
import type { FaultSpec } from "../scenario/types.ts";

/** One fault of a rehearsal: what was injected, and when (fleet seconds since t=0). */
export interface RecordedFault {
  /** The step id a saved scenario uses (`node-crash-1`). */
  readonly id: string;
  readonly fault: FaultSpec;
  readonly injectedAt: number;
  healedAt: number | null;
}

/** One alert episode of a rehearsal, in fleet seconds. */
export interface RecordedAlert {
  readonly alertname: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly state: "pending" | "firing" | "resolved" | "dropped";
  readonly pendingAt: number;
  readonly firingAt: number | null;
  readonly endedAt: number | null;
}

/** One notification a receiver got, in fleet seconds. */
export interface RecordedDelivery {
  readonly receiver: string;
  readonly status: "firing" | "resolved";
  readonly labels: Readonly<Record<string, string>>;
  /** The notification's group, Alertmanager's `groupKey` (as DeliveryRecord has it). */
  readonly groupKey: string;
  readonly receivedAt: number;
}

/** Everything a rehearsal saw, as the page shows it and a saved scenario replays it. */
export interface Recording {
  /** Fleet seconds since t=0 when the recording was taken. */
  readonly now: number;
  readonly faults: readonly RecordedFault[];
  readonly alerts: readonly RecordedAlert[];
  readonly deliveries: readonly RecordedDelivery[];
}

/**
 * Records a rehearsal: faults as they are injected and healed, alert episodes from polls of
 * Prometheus' /api/v1/alerts (the harness's AlertTracker), and the receivers' notifications.
 * Times are given as wall ms and kept in fleet seconds through `toFleetSeconds`.
 */
export class Recorder {
  readonly #faults: RecordedFault[] = [];
  readonly #tracker = new AlertTracker();
  readonly #toFleetSeconds: (wallMs: number) => number;
  readonly #counts = new Map<string, number>();

  constructor(toFleetSeconds: (wallMs: number) => number) {
    this.#toFleetSeconds = toFleetSeconds;
  }

  /** Records an injection; returns the step id (the fault's last name parts and a count). */
  injected(fault: FaultSpec, wallMs: number): RecordedFault {
    const base = fault.name.split(".").slice(-2).join("-");
    const count = (this.#counts.get(base) ?? 0) + 1;
    this.#counts.set(base, count);
    const record: RecordedFault = {
      id: `${base}-${count}`,
      fault,
      injectedAt: this.#toFleetSeconds(wallMs),
      healedAt: null,
    };
    this.#faults.push(record);
    return record;
  }

  /** Records the heal of the fault step `id`. */
  healed(id: string, wallMs: number): void {
    const record = this.#faults.find((f) => f.id === id);
    if (record && record.healedAt === null) record.healedAt = this.#toFleetSeconds(wallMs);
  }

  /** Feeds one poll of Prometheus' active alerts taken at wall time `wallMs`. */
  observe(alerts: readonly PrometheusAlert[], wallMs: number): void {
    this.#tracker.observe(alerts, wallMs);
  }

  /** The recording so far; deliveries are the webhook sink's, converted to fleet time. */
  snapshot(deliveries: readonly Delivery[], nowWallMs: number): Recording {
    const s = this.#toFleetSeconds;
    return {
      now: s(nowWallMs),
      faults: this.#faults.map((f) => ({ ...f })),
      alerts: this.#tracker.episodes.map((e) => ({
        alertname: e.alertname,
        labels: e.labels,
        state:
          e.endedAt === undefined
            ? e.firingAt === undefined
              ? "pending"
              : "firing"
            : e.firingAt === undefined
              ? "dropped"
              : "resolved",
        pendingAt: s(e.pendingAt),
        firingAt: e.firingAt === undefined ? null : s(e.firingAt),
        endedAt: e.endedAt === undefined ? null : s(e.endedAt),
      })),
      deliveries: deliveries.map((d) => ({ ...d, receivedAt: s(d.receivedAt) })),
    };
  }
}
