import { scaleDuration } from "../time/index.ts";

// Prometheus' time flags and their defaults, all in fleet time; the speed divides them.
const prometheusDefaults = [
  ["--query.lookback-delta", "5m"],
  ["--rules.alert.resend-delay", "1m"],
  ["--rules.alert.for-grace-period", "10m"],
  ["--rules.alert.for-outage-tolerance", "1h"],
] as const;

/**
 * Prometheus flags for a stack running `speed` times faster than the fleet: lookback, the resend
 * delay to Alertmanager, the `for` state restore windows and the scrape manager's discovery
 * reload interval, each its default divided by the speed.
 * Query timeouts and retention stay: they are about the machine, not the fleet.
 * @example prometheusTimeFlags(30) // ["--query.lookback-delta=10s", "--rules.alert.resend-delay=2s", ...]
 */
export function prometheusTimeFlags(speed: number): string[] {
  return [
    ...prometheusDefaults.map(
      ([flag, fleet]) => `${flag}=${scaleDuration(fleet, speed, `Prometheus' ${flag}`)}`,
    ),
    // How long the scrape manager waits before it takes discovered targets, also at start. Its
    // 5 s default was 2m30s of fleet time at 30x, most of a run's start-up. It only throttles
    // target updates, so it is rounded to the millisecond rather than refused.
    `--scrape.discovery-reload-interval=${Math.max(1, Math.round(5000 / speed))}ms`,
  ];
}

/**
 * Alertmanager flags for a stack running `speed` times faster than the fleet: how often resolved
 * alerts are garbage-collected (30m), divided by the speed. --data.retention stays (120h): it
 * only has to outlive the run. Route timings are in the config (renderAlertmanagerConfig).
 * @example alertmanagerTimeFlags(30) // ["--alerts.gc-interval=1m"]
 */
export function alertmanagerTimeFlags(speed: number): string[] {
  return [
    `--alerts.gc-interval=${scaleDuration("30m", speed, "Alertmanager's --alerts.gc-interval")}`,
  ];
}
