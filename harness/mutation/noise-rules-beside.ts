import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AlertRule } from "../coverage/index.ts";
import type { Mutant } from "./mutate-rule-file.ts";
import { noiseRuleMutants } from "./noise-rule-mutants.ts";

/**
 * The noise-rule-added mutants of a system's rule file, from the noise-rules.yml beside it
 * (fixtures/<system>/noise-rules.yml: the alerts its document calls noise), each with the alert
 * as coverage sees it (its system is the folder's); none when there is no such file.
 */
export async function noiseRulesBeside(
  ruleFile: string,
  ruleText: string,
): Promise<{ mutant: Mutant; rule: AlertRule }[]> {
  const file = path.join(path.dirname(ruleFile), "noise-rules.yml");
  const noise = await readFile(file, "utf8").catch(() => undefined);
  if (noise === undefined) return [];
  const system = path.basename(path.dirname(ruleFile));
  return noiseRuleMutants(ruleText, noise).map((mutant) => ({
    mutant,
    rule: { alert: mutant.alert, system, file },
  }));
}
