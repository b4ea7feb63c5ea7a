import type { FaultStep, Scenario } from "../scenario/types.ts";
import type { DeliveryRecord, FleetSeconds, RunResult, ScenarioResult } from "./result.ts";

/** A scenario as loaded from its file. */
export interface ScenarioInfo {
  readonly file: string;
  readonly scenario: Scenario;
}

/** Facts about a suite run, given to reporters when it starts. */
export interface SuiteInfo {
  readonly runId: string;
  readonly scenarios: readonly ScenarioInfo[];
  readonly driver: string;
  readonly speed: number;
  /** The run's report folder: file reporters write into it. */
  readonly reportDir: string;
}

/**
 * How a suite ended: every scenario ran (`finished`), Ctrl-C (`interrupted`), or a stack that
 * would not start or bad input stopped it (`error`). Results are partial unless `finished`.
 */
export type SuiteEndReason = "finished" | "interrupted" | "error";

/** One run of a suite among several (`--repeat`, `--seeds`), for reports that compare them. */
export interface SuiteRun {
  /** "run 1", "seed 7": a column of a verdict grid. */
  readonly label: string;
  readonly reportDir: string;
  readonly result: RunResult;
}

/**
 * Hooks a reporter may implement, all optional and awaitable (as vitest's reporters have them);
 * the runner awaits each before it goes on. Fleet times are seconds since the scenario's t=0.
 * Reporters are chosen by name on the command line (`--reporter html`); the runner knows none.
 */
export interface Reporter {
  onSuiteStart?(info: SuiteInfo): void | Promise<void>;
  onScenarioStart?(scenario: ScenarioInfo): void | Promise<void>;
  /** A step of bringing a scenario up or down: "rendering configs", "starting the stack", ... */
  onPhase?(scenario: string, phase: string): void | Promise<void>;
  /** Called about every fleet minute while the drill runs. */
  onTick?(
    scenario: string,
    fleetSeconds: FleetSeconds,
    durationSeconds: number,
  ): void | Promise<void>;
  onFault?(
    scenario: string,
    step: FaultStep,
    action: "inject" | "heal",
    fleetSeconds: FleetSeconds,
  ): void | Promise<void>;
  onAlertChange?(
    scenario: string,
    alert: string,
    labels: Readonly<Record<string, string>>,
    to: "pending" | "firing" | "inactive",
    fleetSeconds: FleetSeconds,
  ): void | Promise<void>;
  /** A notification reached a receiver's webhook. */
  onDelivery?(scenario: string, delivery: DeliveryRecord): void | Promise<void>;
  onScenarioEnd?(result: ScenarioResult): void | Promise<void>;
  /** Also called, with the scenarios that ran, when the suite was interrupted or broke. */
  onSuiteEnd?(result: RunResult, reason: SuiteEndReason): void | Promise<void>;
  /** After several runs of the same suite (`--repeat`), each with its own report folder. */
  onRunsEnd?(runs: readonly SuiteRun[], reportDir: string): void | Promise<void>;
}
