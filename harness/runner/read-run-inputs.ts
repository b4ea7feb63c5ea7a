import { readFile } from "node:fs/promises";
import { readAlertmanagerConfig } from "../config/index.ts";
import { InputError } from "../errors.ts";
import type { RunInputs } from "../result/index.ts";
import { readRuleFiles } from "../rules/index.ts";

/**
 * Reads the run's rule files and Alertmanager config once, before anything starts, so that bad
 * input stops the run at once, and says on `log` what was skipped or merged (results.json keeps it).
 */
export async function readRunInputs(
  ruleFiles: readonly string[],
  alertmanagerConfig: string,
  log: (line: string) => void,
): Promise<RunInputs> {
  const { sources, skipped } = await readRuleFiles(ruleFiles);
  const describe = (d: { file: string; document: number; kind: string; object?: string }) => ({
    file: d.file,
    document: d.document + 1,
    kind: d.kind,
    ...(d.object ? { object: d.object } : {}),
  });
  for (const doc of skipped) {
    log(
      `rules: skipped ${doc.file} document ${doc.document + 1} (${doc.kind}${doc.object ? ` ${doc.object}` : ""}): not a rule file nor a PrometheusRule`,
    );
  }
  let text: string;
  try {
    text = await readFile(alertmanagerConfig, "utf8");
  } catch (cause) {
    throw new InputError(
      `Failed to read ${alertmanagerConfig}: ${(cause as Error).message}. Pass an Alertmanager config or AlertmanagerConfig objects with --alertmanager-config.`,
      { cause, file: alertmanagerConfig },
    );
  }
  const { applied } = readAlertmanagerConfig(text, alertmanagerConfig);
  for (const line of applied) log(`alertmanager: ${line}`);
  return {
    rules: sources.map(describe),
    skippedRuleDocuments: skipped.map(describe),
    alertmanagerConfig: { file: alertmanagerConfig, applied },
  };
}
