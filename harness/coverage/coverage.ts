/** An alert of the rule files, by system and name. */
export interface AlertRef {
  readonly system: string;
  readonly alert: string;
}

/** One alert of the rule files and the scenarios that exercise it. */
export interface AlertCoverage extends AlertRef {
  /** The rule files defining it (an alert may have rules in several groups or files). */
  readonly files: readonly string[];
  /** Scenarios with a `fires` expectation naming it. */
  readonly fires: readonly string[];
  /**
   * Scenarios that would fail if it fired: a `never-fires` expectation naming it, or
   * `expectNoOtherAlerts()` without a `fires` expectation naming it; either only with a node of
   * its system in the fleet.
   */
  readonly silent: readonly string[];
  /**
   * Of those, the boundary drills: they inject a fault that one of its `fires` scenarios injects
   * too (the same fault at a magnitude or for a time that must not page).
   */
  readonly boundary: readonly string[];
}

/** A `fires` or `never-fires` expectation naming an alert that no rule file defines. */
export interface UnknownAlert {
  readonly alert: string;
  readonly scenario: string;
  readonly file: string;
  readonly kind: "fires" | "never-fires" | "firing-within";
}

/** Which scenarios exercise which alerts, and what is left out. */
export interface Coverage {
  /** By system (sorted), then in rule-file order. */
  readonly alerts: readonly AlertCoverage[];
  /** The scenarios whose fleet has a node of each system (the ones that can say anything about its alerts). */
  readonly scenariosBySystem: Readonly<Record<string, readonly string[]>>;
  readonly notFired: readonly AlertRef[];
  readonly notCheckedSilent: readonly AlertRef[];
  readonly unknownAlerts: readonly UnknownAlert[];
  /** True when every alert fires somewhere and is checked silent somewhere, and no name is unknown. */
  readonly complete: boolean;
}
