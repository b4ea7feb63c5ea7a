/** The steps `firedrill setup` runs, in order. */
export type SetupStepName = "prometheus" | "alertmanager" | "builder" | "otelcol" | "evaluator";

/** What setup reports while it works; printSetupProgress() turns these into terminal lines. */
export type SetupProgress =
  | { readonly state: "started"; readonly step: SetupStepName; readonly detail: string }
  | {
      readonly state: "working";
      readonly step: SetupStepName;
      readonly elapsedMs: number;
      readonly detail?: string;
    }
  | {
      readonly state: "cached" | "done";
      readonly step: SetupStepName;
      readonly version: string;
      readonly ms: number;
    }
  | { readonly state: "note"; readonly message: string };

/** How one step ended. */
export interface SetupStepResult {
  readonly step: SetupStepName;
  readonly state: "cached" | "done";
  readonly version: string;
  readonly ms: number;
}
