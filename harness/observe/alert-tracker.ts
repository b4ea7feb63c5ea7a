import { labelKey } from "../result/index.ts";
import type { PrometheusAlert } from "./prometheus-client.ts";

/** One episode of one alert instance: pending, maybe firing, then gone. Times are wall ms. */
export interface AlertEpisode {
  readonly alertname: string;
  /** The instance's labels (alertname and severity included), without alertstate. */
  readonly labels: Readonly<Record<string, string>>;
  /** When Prometheus says it became pending (its activeAt). */
  pendingAt: number;
  /** The first poll that saw it firing. */
  firingAt?: number;
  /**
   * The poll before that one (or its pendingAt, if it was first seen firing): it fired after
   * this, so a live run knows its firing time to within the gap between two polls.
   */
  firedAfter?: number;
  /** The latest poll that saw it firing. */
  lastFiringAt?: number;
  /** The first poll that no longer saw it: resolved if it had fired, dropped if only pending. */
  endedAt?: number;
}

/** A state change seen between two polls. */
export interface AlertChange {
  readonly episode: AlertEpisode;
  readonly to: "pending" | "firing" | "inactive";
  readonly at: number;
}

/**
 * Follows Prometheus' active alerts poll by poll and turns them into episodes
 * (pending → firing → resolved), so that expectations can be judged afterwards.
 */
export class AlertTracker {
  readonly episodes: AlertEpisode[] = [];
  readonly #open = new Map<string, AlertEpisode>();
  #lastPollAt: number | undefined;

  /** Feeds one poll of /api/v1/alerts taken at wall time `at`; returns what changed. */
  observe(alerts: readonly PrometheusAlert[], at: number): AlertChange[] {
    const changes: AlertChange[] = [];
    const seen = new Set<string>();
    for (const alert of alerts) {
      const { alertstate: _state, ...labels } = alert.labels;
      const key = labelKey(labels);
      seen.add(key);
      let episode = this.#open.get(key);
      if (episode?.firingAt !== undefined && alert.state === "pending") {
        // It fired, and now it is pending again: Prometheus lost its state (a restart) and
        // starts over. That is a new episode.
        episode.endedAt = at;
        this.#open.delete(key);
        changes.push({ episode, to: "inactive", at });
        episode = undefined;
      }
      if (!episode) {
        const activeAt = Date.parse(alert.activeAt);
        episode = {
          alertname: labels.alertname ?? "",
          labels,
          pendingAt: Number.isFinite(activeAt) ? Math.min(activeAt, at) : at,
        };
        this.#open.set(key, episode);
        this.episodes.push(episode);
        changes.push({ episode, to: "pending", at: episode.pendingAt });
      }
      if (alert.state === "firing" && episode.firingAt === undefined) {
        episode.firingAt = at;
        episode.firedAfter = Math.max(episode.pendingAt, this.#lastPollAt ?? episode.pendingAt);
        changes.push({ episode, to: "firing", at });
      }
      if (alert.state === "firing") episode.lastFiringAt = at;
    }
    for (const [key, episode] of this.#open) {
      if (seen.has(key)) continue;
      episode.endedAt = at;
      this.#open.delete(key);
      changes.push({ episode, to: "inactive", at });
    }
    this.#lastPollAt = at;
    return changes;
  }
}
