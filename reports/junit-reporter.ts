import type { Reporter } from "../harness/result/index.ts";
import { fileReporter } from "./file-reporter.ts";
import type { ReporterOptions } from "./reporter-options.ts";
import { writeJunit } from "./write-junit.ts";

/** Writes junit.xml into the run's report folder at the end of the suite, for the CI server. */
export function junitReporter(options: ReporterOptions = {}): Reporter {
  return fileReporter("junit", writeJunit, options);
}
