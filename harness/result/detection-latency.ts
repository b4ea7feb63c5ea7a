/** What the configuration says detection may take, in fleet seconds, and its parts. */
export interface DetectionBudget {
  readonly seconds: number;
  readonly scrapeInterval: number;
  readonly evaluationInterval: number;
  /** The alert rule's `for`. */
  readonly for: number;
  /** group_wait of the Alertmanager route that delivers to the expected receiver. */
  readonly groupWait: number;
}

/** How long detection took, in fleet seconds, next to its budget. */
export interface DetectionLatency {
  readonly faultToPending: number | null;
  readonly faultToFiring: number | null;
  readonly faultToDelivered: number | null;
  readonly healToResolved: number | null;
  readonly budget: DetectionBudget;
  /** Whether the firing notification arrived within the budget (null: it never arrived). */
  readonly deliveredWithinBudget: boolean | null;
  /** The window the configuration allows this firing, enforced (harness/runner/computed-window.ts). */
  readonly window?: ComputedWindow;
}

/**
 * What the configuration says a correct stack does with one firing, in fleet seconds: how long
 * the alert stays pending (its rule's `for`, rounded up to the evaluation interval), how long
 * Alertmanager holds the first notification of a new group (group_wait) or of a group that is
 * already notifying (group_interval), and when the resolved notification leaves (the group's
 * next flush, group_interval). Each bound is [min, max]; null where the run gives it no meaning.
 */
export interface ComputedWindow {
  /** Where each number came from, e.g. `for: 2m (fixtures/cognitora/rules.yml), …`. */
  readonly derivation: string;
  /** firing − pending. */
  readonly hold: readonly [number, number] | null;
  /** first delivery − firing. */
  readonly delivery: readonly [number, number] | null;
  /** resolved notification − resolved. */
  readonly resolvedDelivery: readonly [number, number] | null;
  /** Why a bound is not applied in this run (a restart, a receiver outage), if one is not. */
  readonly exempt?: string;
}
