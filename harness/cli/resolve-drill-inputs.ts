import path from "node:path";
import { resolveRuleFiles } from "../rules/index.ts";
import { defaultFixtures } from "../runner/run-suite.ts";
import { defaultReportDir } from "./default-report-dir.ts";

/** The rule files, routing, catalogues and report folder a drilling command runs with. */
export interface DrillInputs {
  readonly ruleFiles: readonly string[];
  readonly alertmanagerConfig: string;
  readonly catalogues: readonly string[];
  readonly reportDir: string;
}

/**
 * Reads DRILL_INPUT_OPTIONS' file flags: the given rules and Alertmanager config, or the
 * fixtures'; the given report folder, or `<command>-<timestamp>` in the default place.
 */
export async function resolveDrillInputs(
  values: {
    readonly rules?: string[] | undefined;
    readonly "alertmanager-config"?: string | undefined;
    readonly "report-dir"?: string | undefined;
  },
  command: string,
): Promise<DrillInputs> {
  const fixtures = await defaultFixtures();
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return {
    ruleFiles: values.rules ? await resolveRuleFiles(values.rules) : fixtures.ruleFiles,
    alertmanagerConfig: path.resolve(values["alertmanager-config"] ?? fixtures.alertmanagerConfig),
    catalogues: fixtures.catalogues,
    reportDir: path.resolve(values["report-dir"] ?? defaultReportDir(`${command}-${stamp}`)),
  };
}
