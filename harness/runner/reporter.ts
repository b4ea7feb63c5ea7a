import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import type { FaultStep } from "../scenario/types.ts";
import type { RunResult, ScenarioResult } from "./result.ts";

/** Facts about a run, given to reporters when it starts. */
export interface RunInfo {
  readonly runId: string;
  readonly scenarios: readonly LoadedScenario[];
  readonly driver: string;
  readonly speed: number;
  readonly reportDir: string;
}

/**
 * Hooks a reporter may implement, all optional (as vitest's reporters have them). Fleet times
 * are seconds since the scenario's t=0.
 */
export interface Reporter {
  onRunStart?(info: RunInfo): void;
  onScenarioStart?(scenario: LoadedScenario): void;
  /** A step of bringing a scenario up or down: "rendering configs", "starting the stack", ... */
  onPhase?(scenario: string, phase: string): void;
  /** Called about every fleet minute while the drill runs. */
  onTick?(scenario: string, fleetSeconds: number, durationSeconds: number): void;
  onFault?(
    scenario: string,
    step: FaultStep,
    action: "inject" | "heal",
    fleetSeconds: number,
  ): void;
  onAlertChange?(
    scenario: string,
    alert: string,
    labels: Readonly<Record<string, string>>,
    to: "pending" | "firing" | "inactive",
    fleetSeconds: number,
  ): void;
  onScenarioEnd?(result: ScenarioResult): void;
  onRunEnd?(result: RunResult): void;
}
