import { InputError } from "../errors.ts";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";

/** `--shard K/N`: this job runs the K-th of N parts of the suite. */
export interface Shard {
  readonly index: number;
  readonly total: number;
}

/** Reads `--shard K/N` (1 ≤ K ≤ N); anything else is an input error naming the flag. */
export function parseShard(command: string, text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total) {
    throw new InputError(
      `${command}: --shard must be K/N with 1 ≤ K ≤ N, e.g. --shard 2/3 (got "${text}").`,
    );
  }
  return { index, total };
}

/**
 * The scenarios of one shard, as vitest and Playwright split a suite: in a stable order (file
 * path, then scenario name), cut into N runs of consecutive scenarios whose sizes differ by at
 * most one, so that the N shards together run every scenario exactly once.
 */
export function selectShard(scenarios: readonly LoadedScenario[], shard: Shard): LoadedScenario[] {
  const ordered = [...scenarios].sort(
    (a, b) => compare(a.file, b.file) || compare(a.scenario.name, b.scenario.name),
  );
  const from = Math.floor(((shard.index - 1) * ordered.length) / shard.total);
  const to = Math.floor((shard.index * ordered.length) / shard.total);
  return ordered.slice(from, to);
}

/** Code-point order: the same on every machine, whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
