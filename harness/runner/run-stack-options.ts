import type { StackDriver } from "../stack/index.ts";
import type { Tools } from "../tools/tools.ts";

/**
 * What a run needs to bring up its stack and fleet, shared by runScenario's options and the
 * start stage's: in a file of its own, so that neither imports the other for it.
 */
export interface RunStackOptions {
  readonly runId: string;
  readonly driver: StackDriver;
  readonly tools: Tools;
  readonly speed: number;
  /** Rule files (as the user wrote them, in fleet time). */
  readonly ruleFiles: readonly string[];
  readonly alertmanagerConfig: string;
  readonly signal?: AbortSignal | undefined;
  /** The workload seed (`--seed`/`--seeds`); the scenario's own when absent. */
  readonly seed?: number | undefined;
}
