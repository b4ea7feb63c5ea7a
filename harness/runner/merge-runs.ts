import { InputError } from "../errors.ts";
import type { RunResult } from "../result/index.ts";

/**
 * Joins the results of one suite run in shards (`--shard K/N` on N CI jobs) into one result:
 * scenarios in the suite's order (file, then name), the span from the first start to the last
 * end, the assumptions of all. Two shards with the same scenario, or run against different
 * versions of the stack, are an input error naming both reports.
 */
export function mergeRuns(runs: readonly { source: string; result: RunResult }[]): RunResult {
  const seen = new Map<string, string>();
  for (const { source, result } of runs) {
    for (const s of result.scenarios) {
      const other = seen.get(s.name);
      if (other !== undefined) {
        throw new InputError(
          `Failed to merge reports: scenario "${s.name}" is in both ${other} and ${source}. Merge the reports of one run's shards, each once.`,
        );
      }
      seen.set(s.name, source);
    }
  }
  const [first, ...rest] = runs;
  if (first === undefined) throw new InputError("Failed to merge reports: none given.");
  for (const { source, result } of rest) {
    if (JSON.stringify(result.versions) !== JSON.stringify(first.result.versions)) {
      throw new InputError(
        `Failed to merge reports: ${first.source} and ${source} ran different versions (${versions(first.result)} vs ${versions(result)}). Run every shard with the same firedrill and stack.`,
      );
    }
  }
  const start = Math.min(...runs.map((r) => Date.parse(r.result.startedAt)));
  const end = Math.max(
    ...runs.map((r) => Date.parse(r.result.startedAt) + r.result.wallSeconds * 1000),
  );
  const assumptions = new Map(
    runs.flatMap((r) => r.result.assumptions.map((a) => [`${a.system}/${a.metric}`, a] as const)),
  );
  const key = (s: RunResult["scenarios"][number]) => `${s.file}\u0000${s.name}`;
  return {
    runId: runs.map((r) => r.result.runId).join("+"),
    startedAt: new Date(start).toISOString(),
    wallSeconds: (end - start) / 1000,
    versions: first.result.versions,
    assumptions: [...assumptions.values()],
    scenarios: runs
      .flatMap((r) => r.result.scenarios)
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
  };
}

/** "prometheus 2.42.0, alertmanager 0.25.0, …" for a message. */
function versions(result: RunResult): string {
  return Object.entries(result.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(", ");
}
