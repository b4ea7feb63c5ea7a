import type { PrometheusAlert } from "../observe/prometheus-client.ts";

/**
 * For tests: an alert as Prometheus' /api/v1/alerts lists it, with these labels (and its
 * `alertstate`), active since `activeAtMs` (wall ms since the epoch).
 *
 * @example
 * prometheusAlert({ alertname: "Down", node: "n1" }, "firing", 1_000);
 */
export function prometheusAlert(
  labels: Readonly<Record<string, string>>,
  state: "pending" | "firing",
  activeAtMs: number,
): PrometheusAlert {
  return {
    labels: { ...labels, alertstate: state },
    annotations: {},
    state,
    activeAt: new Date(activeAtMs).toISOString(),
    value: "0",
  };
}
