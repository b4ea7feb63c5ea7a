import { parseArgs } from "node:util";
import { InputError } from "../errors.ts";
import { latencyRows, renderLatency } from "../stability/latency-table.ts";
import { readResults } from "./compare-command.ts";

/**
 * `firedrill latency <results.json or report folder>`: every firing expectation's detection
 * latency in fleet time — fault → pending, → firing, → delivered, heal → resolved — next to the
 * budget the configuration implies, as a Markdown table.
 */
export async function latencyCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) {
    throw new InputError(
      "firedrill latency: name one results.json or report folder, e.g. `firedrill latency reports/runs/<timestamp>`.",
    );
  }
  const run = await readResults(positionals[0]!);
  process.stdout.write(`${renderLatency(latencyRows(run))}\n`);
  return 0;
}
