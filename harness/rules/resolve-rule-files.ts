import { stat } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { InputError } from "../errors.ts";

const RULE_FILE = /\.ya?ml$/;

/**
 * Turns `--rules` arguments into rule files: a file as it is, a folder as every .yml/.yaml file
 * under it, anything with `*`, `?`, `[` or `{` as a glob; each group sorted, duplicates dropped.
 * Throws InputError for a name that matches nothing.
 * @example await resolveRuleFiles(["deploy/rules/", "charts/*\/templates/prometheus-rule.yaml"])
 */
export async function resolveRuleFiles(
  inputs: readonly string[],
  cwd = process.cwd(),
): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const info = await stat(absolute).catch(() => undefined);
    let found: string[];
    if (info?.isFile()) found = [absolute];
    else if (info?.isDirectory()) {
      found = (await glob("**/*.{yml,yaml}", { cwd: absolute, absolute: true })).filter((f) =>
        RULE_FILE.test(f),
      );
    } else if (/[*?[{]/.test(input)) {
      found = await glob(input, { cwd, absolute: true });
    } else {
      throw new InputError(
        `Failed to read rule file ${input}: no such file or folder. Pass a rule file, a folder of them or a glob with --rules.`,
        { file: input },
      );
    }
    if (found.length === 0) {
      throw new InputError(
        `Failed to read rule files ${input}: no .yml or .yaml file ${info?.isDirectory() ? "in that folder" : "matches it"}. Pass a rule file, a folder of them or a glob with --rules.`,
        { file: input },
      );
    }
    for (const file of found.map((f) => path.normalize(f)).sort())
      if (!out.includes(file)) out.push(file);
  }
  return out;
}
