import path from "node:path";
import { readRuleFiles } from "../rules/index.ts";
import type { AlertRule } from "./alert-rule.ts";

/**
 * Reads the alerting rules (`alert:`, not `record:`) of rule files — plain or PrometheusRule —
 * through readRuleFiles, in file order. Throws InputError naming the file when one cannot be read
 * or is not a rule file.
 */
export async function readAlertRules(files: readonly string[]): Promise<AlertRule[]> {
  const { sources } = await readRuleFiles(files);
  return sources.flatMap((source) =>
    source.groups.flatMap((group) =>
      group.rules
        .filter((rule) => rule.kind === "alert")
        .map((rule) => ({
          alert: rule.name,
          system: rule.labels.system ?? path.basename(path.dirname(source.file)),
          file: source.file,
        })),
    ),
  );
}
