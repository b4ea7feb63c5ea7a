import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { RunResult } from "../harness/runner/result.ts";

/** Writes DIR/results.json: every expectation's verdict with the observed fleet times. */
export async function writeResultsJson(dir: string, result: RunResult): Promise<string> {
  const file = path.join(dir, "results.json");
  await writeFile(
    file,
    `${JSON.stringify({ schema: "firedrill.results/v1", ...result }, null, 2)}\n`,
  );
  return file;
}
