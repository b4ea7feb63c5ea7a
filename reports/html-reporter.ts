import type { Reporter } from "../harness/result/index.ts";
import { fileReporter } from "./file-reporter.ts";
import { writeHtmlReport, writeVerdictGrid } from "./html/write-html-report.ts";
import type { ReporterOptions } from "./reporter-options.ts";

/**
 * Writes index.html into the run's report folder: a self-contained page (uPlot inlined) with
 * the suite overview and each scenario's timeline, alert lanes, series and failures; after
 * several runs (`--repeat`), index.html in the parent folder holds the verdict grid.
 */
export function htmlReporter(options: ReporterOptions = {}): Reporter {
  const write = options.write ?? ((l: string) => process.stderr.write(`${l}\n`));
  return {
    ...fileReporter("report", writeHtmlReport, options),
    async onRunsEnd(runs, dir) {
      write(`${"grid:".padEnd(8)} ${await writeVerdictGrid(dir, runs)}`);
    },
  };
}
