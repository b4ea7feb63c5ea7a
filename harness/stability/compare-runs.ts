import type { RunResult } from "../result/index.ts";

/** One scenario's verdict in each run, and whether they all agree. */
export interface ScenarioStability {
  readonly name: string;
  /** Per run: "passed", "failed: <title>; <title>", or "missing" when the run lacks it. */
  readonly verdicts: readonly string[];
  readonly stable: boolean;
  /** Wall seconds per run (null where missing). */
  readonly wallSeconds: readonly (number | null)[];
}

export interface Stability {
  readonly runs: number;
  readonly scenarios: readonly ScenarioStability[];
  /** Every scenario has the same verdict in every run. */
  readonly stable: boolean;
  /** Every scenario passed in every run. */
  readonly allPassed: boolean;
}

/**
 * A scenario's verdict: passed, or failed with the titles of the expectations that failed (so
 * two failures of different expectations are different verdicts).
 */
function verdictOf(result: RunResult["scenarios"][number] | undefined): string {
  if (!result) return "missing";
  if (result.state === "passed") return "passed";
  if (result.state === "error") return `error: ${result.error ?? "the run broke"}`;
  const failed = result.expectations.filter((e) => e.state === "failed").map((e) => e.title);
  return `failed: ${failed.join("; ")}`;
}

/** Compares the verdicts of the same suite run several times. */
export function compareRuns(runs: readonly RunResult[]): Stability {
  const names = [...new Set(runs.flatMap((r) => r.scenarios.map((s) => s.name)))];
  const scenarios = names.map((name) => {
    const results = runs.map((r) => r.scenarios.find((s) => s.name === name));
    const verdicts = results.map(verdictOf);
    return {
      name,
      verdicts,
      stable: verdicts.every((v) => v === verdicts[0]),
      wallSeconds: results.map((r) => r?.wallSeconds ?? null),
    };
  });
  return {
    runs: runs.length,
    scenarios,
    stable: scenarios.every((s) => s.stable),
    allPassed: scenarios.every((s) => s.verdicts.every((v) => v === "passed")),
  };
}

/** The table `firedrill compare` and `firedrill run --repeat` print. */
export function renderStability(stability: Stability, runs: readonly RunResult[]): string {
  const width = Math.max(8, ...stability.scenarios.map((s) => s.name.length));
  const lines = [
    `${"scenario".padEnd(width)}  ${runs.map((_, i) => `run ${i + 1}`.padEnd(8)).join(" ")}  wall (min–max)`,
  ];
  for (const s of stability.scenarios) {
    const walls = s.wallSeconds.filter((w): w is number => w !== null);
    const range =
      walls.length > 0 ? `${Math.min(...walls).toFixed(0)}–${Math.max(...walls).toFixed(0)} s` : "";
    const cells = s.verdicts.map((v) => (v === "passed" ? "pass" : v.split(":")[0]!).padEnd(8));
    lines.push(
      `${s.name.padEnd(width)}  ${cells.join(" ")}  ${range}${s.stable ? "" : "  ← DIFFERS"}`,
    );
  }
  for (const s of stability.scenarios.filter((x) => !x.stable || x.verdicts[0] !== "passed")) {
    lines.push("", `${s.name}:`);
    for (const [i, v] of s.verdicts.entries()) lines.push(`  run ${i + 1}: ${v}`);
  }
  const suiteWalls = runs.map((r) => `${(r.wallSeconds / 60).toFixed(1)}`).join(", ");
  const differing = stability.scenarios.filter((s) => !s.stable).length;
  lines.push(
    "",
    `${stability.scenarios.length} scenarios × ${stability.runs} runs: ${
      stability.stable
        ? "the same verdict every time"
        : `${differing} scenario(s) changed verdict between runs`
    }${stability.allPassed ? ", all passed" : ""}; suite wall time per run (min): ${suiteWalls}`,
  );
  return lines.join("\n");
}
