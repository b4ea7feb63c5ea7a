import { readFile } from "node:fs/promises";
import { InputError } from "../errors.ts";
import { readRuleText } from "./read-rule-text.ts";
import type { RuleFiles, RuleSource, SkippedDocument } from "./types.ts";

/**
 * The one reader of rule files, for the run, coverage, mutate and lint: every file's rule
 * groups with their file and line (readRuleText), in the order given. Throws InputError naming
 * the file when one cannot be read or holds no rules.
 * @example const { sources, skipped } = await readRuleFiles(["deploy/rules/cognitora.yaml"]);
 */
export async function readRuleFiles(files: readonly string[]): Promise<RuleFiles> {
  const sources: RuleSource[] = [];
  const skipped: SkippedDocument[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (cause) {
      throw new InputError(
        `Failed to read rule file ${file}: ${(cause as Error).message}. Pass a Prometheus rule file with --rules.`,
        { cause, file },
      );
    }
    const read = readRuleText(text, file);
    sources.push(...read.sources);
    skipped.push(...read.skipped);
  }
  return { sources, skipped };
}
