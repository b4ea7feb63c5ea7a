import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { readRuleFiles } from "../rules/index.ts";

/** The rule files written for the evaluator: names relative to `dir`, in the order given. */
export interface PlainRuleFiles {
  readonly dir: string;
  readonly files: readonly string[];
}

/**
 * The rule files as Prometheus' rule manager reads them, written into `dir`: a plain rule file
 * as it is, and each document of a multi-document file (a PrometheusRule, a Helm render with a
 * ConfigMap beside it) as its groups cut out — what the live stack's configuration gets too
 * (write-stack-configs.ts), so that both time modes load the same rules.
 *
 * The evaluator runs in `dir` and loads them by these relative names (`0-rules.yml`,
 * `1-cognitora-prometheus-rule-doc2.yml`): Prometheus offsets each group's evaluations by a hash
 * of its name and its file's name, so a name that held the checkout's or the report's path would
 * move every evaluation, and a drill's verdict, with where it ran.
 */
export async function plainRuleFiles(
  files: readonly string[],
  dir: string,
): Promise<PlainRuleFiles> {
  const { sources } = await readRuleFiles(files);
  await mkdir(dir, { recursive: true });
  const out: string[] = [];
  for (const [index, source] of sources.entries()) {
    const stem = path.basename(source.file).replace(/\.ya?ml$/, "");
    const file = source.verbatim
      ? `${index}-${stem}.yml`
      : `${index}-${stem}-doc${source.document + 1}.yml`;
    await writeFile(path.join(dir, file), source.text);
    out.push(file);
  }
  return { dir, files: out };
}
