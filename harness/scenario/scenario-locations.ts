import { fileURLToPath } from "node:url";
import type { Scenario } from "./types.ts";

/** Where a scenario was declared: the file and line of its `defineScenario` call. */
export interface ScenarioLocation {
  readonly file: string;
  readonly line: number;
}

// Filled by defineScenario, read by the loader. A non-enumerable property under a registered
// symbol, not a module-level map: in a user's project the scenario file may load its own copy of
// this module (tsx compiling it as CommonJS), and Symbol.for() is shared by every copy.
const LOCATION = Symbol.for("firedrill.scenario-location");

/** Records where `fn`'s caller is, from the stack trace (source-mapped by tsx or Vite). */
export const scenarioLocations = {
  /** Remembers the location of the call to `fn` that produced `scenario`. */
  record(scenario: Scenario, fn: (...args: never[]) => unknown): void {
    const holder: { stack?: string } = {};
    Error.captureStackTrace(holder, fn);
    const frame = holder.stack?.split("\n")[1] ?? "";
    const match = /\(?((?:file:\/\/)?[^\s()]+):(\d+):\d+\)?$/.exec(frame.trim());
    if (!match) return;
    const file = match[1]!.startsWith("file://") ? fileURLToPath(match[1]!) : match[1]!;
    const location: ScenarioLocation = { file, line: Number(match[2]) };
    Object.defineProperty(scenario, LOCATION, { value: location, enumerable: false });
  },
  /** The location recorded for a scenario, if its stack frame could be read. */
  get(scenario: Scenario): ScenarioLocation | undefined {
    return (scenario as { [LOCATION]?: ScenarioLocation })[LOCATION];
  },
};
