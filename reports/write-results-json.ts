import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { RunResult } from "../harness/result/index.ts";

// An array of numbers (and nulls) as JSON.stringify indents it: one element per line.
const NUMBER_ARRAY = /\[\s*((?:-?\d[\d.eE+-]*|null)(?:,\s*(?:-?\d[\d.eE+-]*|null))*)\s*\]/g;

/** The results as indented JSON, with number arrays (plotted series) kept on one line each. */
export function renderResultsJson(result: RunResult): string {
  const text = JSON.stringify({ schema: "firedrill.results/v1", ...result }, null, 2);
  return `${text.replace(NUMBER_ARRAY, (_, items: string) => `[${items.replace(/\s+/g, "")}]`)}\n`;
}

/** Writes DIR/results.json: every expectation's verdict with the observed fleet times. */
export async function writeResultsJson(dir: string, result: RunResult): Promise<string> {
  const file = path.join(dir, "results.json");
  await writeFile(file, renderResultsJson(result));
  return file;
}
