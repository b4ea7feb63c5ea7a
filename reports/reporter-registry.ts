import type { Reporter } from "../harness/result/index.ts";
import { htmlReporter } from "./html-reporter.ts";
import { jsonReporter } from "./json-reporter.ts";
import { junitReporter } from "./junit-reporter.ts";
import type { ReporterOptions } from "./reporter-options.ts";
import { terminalReporter } from "./terminal-reporter.ts";

/**
 * Every reporter `--reporter NAME` can choose, keyed by name, in the order they run when several
 * are chosen. The runner knows none of them: it calls the hooks of whatever it is given.
 */
export const reporterRegistry = {
  terminal: terminalReporter,
  json: jsonReporter,
  junit: junitReporter,
  html: htmlReporter,
} as const satisfies Record<string, (options: ReporterOptions) => Reporter>;
