import path from "node:path";
import { parseArgs } from "node:util";
import { computeCoverage, readAlertRules, renderCoverage } from "../coverage/index.ts";
import { withConfigArgs } from "../project/config-args.ts";
import { resolveRuleFiles } from "../rules/index.ts";
import { defaultFixtures } from "../runner/run-suite.ts";
import { loadScenarios } from "../scenario/load-scenarios.ts";
import { defaultScenarioInputs } from "./default-scenario-inputs.ts";

/**
 * `firedrill coverage [files or folders...] [--rules FILE|FOLDER|GLOB]... [--json]`: which scenarios make
 * each alert of the rule files fire and which check it stays silent. Exits 1 when an alert is
 * left out or an expectation names an alert no rule file defines.
 */
export async function coverageCommand(
  args: string[],
  write: (text: string) => void = (text) => process.stdout.write(text),
): Promise<number> {
  const options = {
    rules: { type: "string", multiple: true },
    json: { type: "boolean", default: false },
  } as const;
  const { values, positionals } = parseArgs({
    args: await withConfigArgs("firedrill coverage", args, options, ["scenarios", "rules"]),
    allowPositionals: true,
    options,
  });
  const inputs = positionals.length > 0 ? positionals : defaultScenarioInputs("firedrill coverage");
  const ruleFiles = values.rules
    ? await resolveRuleFiles(values.rules)
    : (await defaultFixtures()).ruleFiles;
  const shown = (file: string) => path.relative(process.cwd(), path.resolve(file)) || file;
  const scenarios = (await loadScenarios(inputs)).map((l) => ({ ...l, file: shown(l.file) }));
  const rules = await readAlertRules(ruleFiles.map(shown));
  const coverage = computeCoverage(scenarios, rules);
  write(values.json ? `${JSON.stringify(coverage, null, 2)}\n` : renderCoverage(coverage));
  return coverage.complete ? 0 : 1;
}
