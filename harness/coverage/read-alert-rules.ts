import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { InputError } from "../errors.ts";
import type { AlertRule } from "./alert-rule.ts";

/** The parts of a Prometheus rule file coverage reads. */
interface RuleFile {
  groups?: { rules?: { alert?: unknown; labels?: { system?: unknown } }[] }[];
}

/**
 * Reads the alerting rules (`alert:`, not `record:`) of Prometheus rule files, in file order.
 * Throws InputError naming the file when one cannot be read or is not a rule file.
 */
export async function readAlertRules(files: readonly string[]): Promise<AlertRule[]> {
  const rules: AlertRule[] = [];
  for (const file of files) {
    let parsed: RuleFile | null;
    try {
      parsed = parse(await readFile(file, "utf8")) as RuleFile | null;
    } catch (cause) {
      throw new InputError(
        `Failed to read rule file ${file}: ${(cause as Error).message}. Pass a Prometheus rule file with --rules.`,
        { cause, file },
      );
    }
    if (!Array.isArray(parsed?.groups)) {
      throw new InputError(
        `Failed to read rule file ${file}: it has no \`groups:\` list. Pass a Prometheus rule file with --rules.`,
        { file },
      );
    }
    const folder = path.basename(path.dirname(file));
    for (const group of parsed.groups) {
      for (const rule of group?.rules ?? []) {
        if (typeof rule?.alert !== "string") continue;
        const label = rule.labels?.system;
        rules.push({ alert: rule.alert, system: typeof label === "string" ? label : folder, file });
      }
    }
  }
  return rules;
}
