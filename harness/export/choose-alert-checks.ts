import type { AlertRecord } from "../result/index.ts";

/** One `alert_rule_test` entry: at `evalSeconds`, exactly these instances of `alertname` fire. */
export interface AlertCheck {
  readonly evalSeconds: number;
  readonly alertname: string;
  /** The label sets (alertname included) of the instances the drill saw firing then. */
  readonly firing: readonly Readonly<Record<string, string>>[];
}

/** What to choose checks from. */
export interface ChooseAlertChecksInput {
  /** The alert episodes the drill observed, in fleet seconds. */
  readonly alerts: readonly AlertRecord[];
  /** Alert names to check even if they never fired (the scenario's expectations name them). */
  readonly named: readonly string[];
  /** Fleet seconds at which the drill ended. */
  readonly end: number;
  /** The grid (the evaluation interval), in seconds: check times are on it. */
  readonly intervalSeconds: number;
  /** Check at these fleet times (`--at`) instead of the chosen ones. */
  readonly at?: readonly number[];
}

/** A check time is this many intervals clear of every firing start or end the drill saw. */
export const CLEARANCE_INTERVALS = 2;

type Seen = "firing" | "quiet" | "unclear";

// Whether an episode was firing at t, plainly enough that a 1x evaluation of the same samples,
// a poll or a scrape apart, agrees.
function seenAt(episode: AlertRecord, t: number, margin: number, end: number): Seen {
  if (episode.firingAt === null) return "quiet";
  const lastFiring = episode.lastFiringAt ?? episode.endedAt ?? end;
  const ended = episode.endedAt ?? Number.POSITIVE_INFINITY;
  if (t >= episode.firingAt + margin && t <= lastFiring - margin) return "firing";
  if (t <= episode.firingAt - margin || t >= ended + margin) return "quiet";
  return "unclear";
}

/**
 * Chooses the promtool checks that pin down what a drill observed: for each alert that fired,
 * the middle of each firing (all instances firing then), and, once every instance resolved, a
 * time well after it (none firing); for a named alert that never fired, the drill's last
 * interval but two (none firing). A time closer than CLEARANCE_INTERVALS to any start or end of a
 * firing of that alert is not chosen: there the sped-up drill and promtool's exact 1x evaluation
 * may differ by a poll. With `at`, every alert is checked at those times, unclear or not.
 */
export function chooseAlertChecks(input: ChooseAlertChecksInput): AlertCheck[] {
  const step = input.intervalSeconds;
  const margin = CLEARANCE_INTERVALS * step;
  const snap = (t: number) => Math.max(0, Math.round(t / step) * step);
  const names = [
    ...new Set([
      ...input.alerts.filter((a) => a.firingAt !== null).map((a) => a.alertname),
      ...input.named,
    ]),
  ].sort();
  const checks: AlertCheck[] = [];
  for (const alertname of names) {
    const episodes = input.alerts.filter((a) => a.alertname === alertname);
    const fired = episodes.filter((e) => e.firingAt !== null);
    const candidates = input.at ?? [
      ...fired.map((e) => snap((e.firingAt! + (e.lastFiringAt ?? e.endedAt ?? input.end)) / 2)),
      ...(fired.length > 0 && fired.every((e) => e.endedAt !== null)
        ? [snap((Math.max(...fired.map((e) => e.endedAt!)) + input.end) / 2)]
        : []),
      ...(fired.length === 0 ? [snap(input.end - margin)] : []),
    ];
    for (const evalSeconds of [...new Set(candidates)].sort((a, b) => a - b)) {
      const seen = episodes.map((e) => seenAt(e, evalSeconds, margin, input.end));
      if (input.at === undefined && seen.includes("unclear")) continue;
      if (evalSeconds > input.end) continue;
      checks.push({
        evalSeconds,
        alertname,
        firing: episodes.filter((_, i) => seen[i] === "firing").map((e) => e.labels),
      });
    }
  }
  return checks;
}
