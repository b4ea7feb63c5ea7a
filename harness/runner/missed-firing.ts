import type { AlertEpisode } from "../observe/alert-tracker.ts";
import type { Expectation, FiresExpectation } from "../scenario/types.ts";

/**
 * Whether an expectation that `alert` fires can no longer pass: its window after the fault has
 * closed and no episode of the alert with its labels fired inside it. `firedrill mutate` stops a
 * scenario there — the rest of the drill cannot change the verdict — which makes a deleted rule
 * cost a third of the drill instead of all of it.
 *
 * `injectedAt` gives a fault step's injection in fleet seconds (null: not yet), `fleetSeconds`
 * turns an episode's wall ms into fleet seconds.
 */
export function missedFiring(args: {
  readonly alert: string;
  readonly expectations: readonly Expectation[];
  readonly episodes: readonly AlertEpisode[];
  readonly now: number;
  readonly injectedAt: (step: string) => number | null;
  readonly fleetSeconds: (wallMs: number) => number;
  readonly parseSeconds: (duration: string) => number;
}): boolean {
  const firing = args.expectations.filter(
    (e): e is FiresExpectation => e.kind === "fires" && e.alert === args.alert,
  );
  return firing.some((e) => {
    const faultAt = args.injectedAt(e.after);
    if (faultAt === null) return false;
    const deadline = faultAt + args.parseSeconds(e.within);
    if (args.now <= deadline) return false;
    return !args.episodes.some((episode) => {
      if (episode.alertname !== e.alert || episode.firingAt === undefined) return false;
      if (!Object.entries(e.labels).every(([k, v]) => episode.labels[k] === v)) return false;
      const firedAt = args.fleetSeconds(episode.firingAt);
      return firedAt >= faultAt && firedAt <= deadline;
    });
  });
}
