import type { Reporter } from "../harness/result/index.ts";
import { fileReporter } from "./file-reporter.ts";
import type { ReporterOptions } from "./reporter-options.ts";
import { writeResultsJson } from "./write-results-json.ts";

/** Writes results.json into the run's report folder at the end of the suite. */
export function jsonReporter(options: ReporterOptions = {}): Reporter {
  return fileReporter("results", writeResultsJson, options);
}
