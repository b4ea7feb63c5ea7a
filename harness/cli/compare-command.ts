import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { InputError } from "../errors.ts";
import type { RunResult } from "../result/index.ts";
import { compareRuns, renderStability } from "../stability/compare-runs.ts";

/** Reads a results.json, given the file or the report folder that holds it. */
export async function readResults(
  input: string,
  command = "firedrill compare",
): Promise<RunResult> {
  let file = path.resolve(input);
  const info = await stat(file).catch(() => undefined);
  if (!info) throw new InputError(`${command}: ${input} does not exist.`);
  if (info.isDirectory()) file = path.join(file, "results.json");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new InputError(
      `${command}: ${file} does not exist. Name a results.json or the report folder \`firedrill run\` printed.`,
    );
  }
  try {
    const parsed = JSON.parse(text) as RunResult;
    if (!Array.isArray(parsed.scenarios)) throw new Error("it has no scenarios list");
    return parsed;
  } catch (error) {
    throw new InputError(
      `${command}: ${file} is not a firedrill results.json (${(error as Error).message}).`,
      { file },
    );
  }
}

/**
 * `firedrill compare <results.json or report folders...>`: the verdict of every scenario in each
 * run side by side. Exits 0 when every scenario has the same verdict in every run and passed,
 * 1 otherwise.
 */
export async function compareCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length < 2) {
    throw new InputError(
      "firedrill compare: name at least two results.json files or report folders, e.g. `firedrill compare reports/runs/a reports/runs/b`.",
    );
  }
  const runs = await Promise.all(positionals.map((p) => readResults(p)));
  const stability = compareRuns(runs);
  process.stdout.write(`${renderStability(stability, runs)}\n`);
  return stability.stable && stability.allPassed ? 0 : 1;
}
