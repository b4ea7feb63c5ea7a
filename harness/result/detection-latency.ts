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
}
