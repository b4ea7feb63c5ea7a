import { mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeJunit } from "../../reports/write-junit.ts";
import { writeResultsJson } from "../../reports/write-results-json.ts";
import { InputError } from "../errors.ts";
import { mergeRuns } from "../runner/merge-runs.ts";
import { readResults } from "./compare-command.ts";
import { defaultReportDir } from "./default-report-dir.ts";

/**
 * `firedrill merge <report folders...> [--report-dir DIR]`: joins the reports of a suite's
 * shards into one results.json and junit.xml. Exits 0 when every scenario passed, 1 otherwise.
 */
export async function mergeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { "report-dir": { type: "string" } },
  });
  if (positionals.length === 0) {
    throw new InputError(
      "firedrill merge: name the report folders (or results.json files) of the shards, e.g. `firedrill merge shard-1/ shard-2/ shard-3/`.",
    );
  }
  const runs = await Promise.all(
    positionals.map(async (source) => ({
      source,
      result: await readResults(source, "firedrill merge"),
    })),
  );
  const merged = mergeRuns(runs);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const dir = path.resolve(values["report-dir"] ?? defaultReportDir(`merged-${stamp}`));
  await mkdir(dir, { recursive: true });
  await writeResultsJson(dir, merged);
  await writeJunit(dir, merged);
  const passed = merged.scenarios.filter((s) => s.state === "passed").length;
  process.stdout.write(
    `merged ${runs.length} report(s): ${merged.scenarios.length} scenarios, ${passed} passed, ${merged.scenarios.length - passed} not\nresults: ${path.join(dir, "results.json")}\njunit:   ${path.join(dir, "junit.xml")}\n`,
  );
  return passed === merged.scenarios.length ? 0 : 1;
}
