import { existsSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { firedrillProcesses, firedrillRun, readResults, tempReportDir } from "./support.ts";

// The time model's promise: the same scenario gives the same verdicts in real time and sped up.
// The 1x run takes the scenario's twelve fleet minutes of wall time and mostly waits, so it goes
// alongside the whole live suite (its own stack and ports) and is judged against the suite's own
// 30x run of the same scenario: the suite's wall time covers it.
/** The scenario run at both speeds. */
const SCENARIO = "scenarios/cosmictron/node-crash.scenario.ts";
/** Its name in results.json. */
const SCENARIO_NAME = "cosmictron-node-crash";

/** A run of SCENARIO at some speed, under way: its report folder and its end. */
export interface SpeedRun {
  readonly dir: string;
  readonly done: ReturnType<typeof firedrillRun>;
}

/** Starts SCENARIO at `speed` into a report folder of its own. */
export function startSpeedRun(speed: number): SpeedRun {
  const dir = tempReportDir(`speed${speed}`);
  const done = firedrillRun(["run", SCENARIO, "--speed", String(speed), "--report-dir", dir]);
  return { dir, done };
}

/** Each expectation of SCENARIO in a report folder: title and verdict. */
function verdicts(dir: string): string[][] {
  const scenario = readResults(dir).scenarios.find((s) => s.name === SCENARIO_NAME);
  expect(scenario, `${SCENARIO_NAME} in ${dir}`).toBeDefined();
  return scenario!.expectations.map((e) => [e.title, e.state]);
}

/**
 * Waits for the 1x run (started here when `realTime` is undefined) and compares its verdicts with
 * the 30x run's: the whole suite's report folder when it holds SCENARIO, else a 30x run of its own.
 */
export async function checkSpeed(realTime?: SpeedRun, suiteDir?: string): Promise<void> {
  const slow = realTime ?? startSpeedRun(1);
  const reuse = suiteDir && existsSync(path.join(suiteDir, "results.json")) ? suiteDir : undefined;
  const fastDir =
    reuse && readResults(reuse).scenarios.some((s) => s.name === SCENARIO_NAME)
      ? reuse
      : await (async () => {
          const fast = startSpeedRun(30);
          expect((await fast.done).exitCode).toBe(0);
          return fast.dir;
        })();
  const result = await slow.done;
  expect(result.exitCode, result.all).toBe(0);
  expect(firedrillProcesses(result.pid)).toEqual([]);
  expect(verdicts(slow.dir)).toEqual(verdicts(fastDir));
  expect(verdicts(slow.dir).map(([, state]) => state)).toEqual(
    verdicts(slow.dir).map(() => "passed"),
  );
  expect(verdicts(slow.dir).length).toBeGreaterThan(1);
}
