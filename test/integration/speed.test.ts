import { describe, expect, it } from "vitest";
import { firedrillRun, readResults, tempReportDir } from "./support.ts";

const verdicts = (dir: string) =>
  readResults(dir).scenarios.flatMap((s) => s.expectations.map((e) => [s.name, e.title, e.state]));

// The time model's promise: the same scenario gives the same verdicts in real time and sped up.
// At 1x this takes the scenario's eight fleet minutes of wall time; the 30x run goes alongside
// (each on its own stack and ports), so the test takes no longer than the 1x run.
describe("speed", () => {
  it("gives the same verdicts at 1x and at 30x", async () => {
    const slow = tempReportDir("speed1");
    const fast = tempReportDir("speed30");
    const scenario = "test/integration/scenarios/liveness-short.scenario.ts";
    const [a, b] = await Promise.all([
      firedrillRun(["run", scenario, "--speed", "1", "--report-dir", slow]),
      firedrillRun(["run", scenario, "--speed", "30", "--report-dir", fast]),
    ]);
    expect([a.exitCode, b.exitCode]).toEqual([0, 0]);
    expect(verdicts(slow)).toEqual(verdicts(fast));
    expect(verdicts(fast).map(([, , state]) => state)).toEqual(["passed", "passed"]);
  }, 900_000);
});
