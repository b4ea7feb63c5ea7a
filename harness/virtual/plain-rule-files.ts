import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { readRuleFiles } from "../rules/index.ts";

/**
 * The rule files as Prometheus' rule manager reads them: a plain rule file as it is, and each
 * document of a multi-document file (a PrometheusRule, a Helm render with a ConfigMap beside it)
 * as its groups cut out into `dir` — what the live stack's configuration gets too
 * (write-stack-configs.ts), so that both time modes load the same rules.
 */
export async function plainRuleFiles(files: readonly string[], dir: string): Promise<string[]> {
  const { sources } = await readRuleFiles(files);
  await mkdir(dir, { recursive: true });
  const out: string[] = [];
  for (const [index, source] of sources.entries()) {
    if (source.verbatim) {
      out.push(path.resolve(source.file));
      continue;
    }
    const stem = path.basename(source.file).replace(/\.ya?ml$/, "");
    const file = path.join(dir, `${index}-${stem}-doc${source.document + 1}.yml`);
    await writeFile(file, source.text);
    out.push(file);
  }
  return out;
}
