import { readFile } from "node:fs/promises";
import { readAlertmanagerConfig } from "../config/index.ts";
import { readRuleFiles } from "../rules/index.ts";
import type { JudgedConfiguration } from "./judge-observations.ts";

/** Reads rule files and an Alertmanager config into what judging computes windows from. */
export async function readJudgedConfiguration(
  ruleFiles: readonly string[],
  alertmanagerConfig: string,
): Promise<JudgedConfiguration> {
  const { sources } = await readRuleFiles(ruleFiles);
  const { text } = readAlertmanagerConfig(
    await readFile(alertmanagerConfig, "utf8"),
    alertmanagerConfig,
  );
  return { ruleSources: sources, alertmanagerText: text };
}
