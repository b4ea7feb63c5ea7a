import type { Reporter, RunResult } from "../harness/result/index.ts";
import type { ReporterOptions } from "./reporter-options.ts";

/**
 * A reporter that writes one file into the run's report folder when the suite ends, however it
 * ended (partial results are worth keeping), and says on a line where it wrote it.
 */
export function fileReporter(
  label: string,
  writeReport: (dir: string, result: RunResult) => Promise<string>,
  options: ReporterOptions = {},
): Reporter {
  const write = options.write ?? ((l: string) => process.stderr.write(`${l}\n`));
  let dir: string | undefined;
  return {
    onSuiteStart(info) {
      dir = info.reportDir;
    },
    async onSuiteEnd(result) {
      if (dir === undefined) return;
      write(`${`${label}:`.padEnd(8)} ${await writeReport(dir, result)}`);
    },
  };
}
