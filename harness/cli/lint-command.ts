import { readdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { readCatalogues } from "../lint/catalogue-index.ts";
import { lintFiles } from "../lint/lint-files.ts";
import { type DashboardQuery, readDashboardQueries } from "../lint/read-dashboard-queries.ts";
import { readRuleFiles, resolveRuleFiles } from "../rules/index.ts";
import { EVALUATION_INTERVAL, SCRAPE_INTERVAL } from "../runner/run-scenario.ts";
import { defaultFixtures } from "../runner/run-suite.ts";
import { parseDuration } from "../time/index.ts";
import { repoRoot } from "../tools/tools.ts";

/** The fixtures' dashboards and query files: fixtures/<system>/dashboard.json and queries.yml. */
async function defaultDashboards(root = path.join(repoRoot, "fixtures")): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(root, { withFileTypes: true })).filter((e) =>
    e.isDirectory(),
  )) {
    const files = await readdir(path.join(root, entry.name));
    for (const name of ["dashboard.json", "queries.yml"])
      if (files.includes(name)) out.push(path.join(root, entry.name, name));
  }
  return out.sort();
}

/**
 * `firedrill lint [--rules FILE|FOLDER|GLOB]... [dashboards...]`: every selector of every rule and
 * dashboard query against the fleet's catalogues, ranges and `for` against the intervals, without
 * starting anything. Prints `file:line: rule NAME: message`; exits 1 on any problem, 0 when clean.
 */
export async function lintCommand(
  args: string[],
  write: (text: string) => void = (text) => process.stdout.write(text),
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { rules: { type: "string", multiple: true } },
  });
  const fixtures = await defaultFixtures();
  const ruleFiles = values.rules ? await resolveRuleFiles(values.rules) : fixtures.ruleFiles;
  const dashboards =
    positionals.length > 0 ? positionals.map((p) => path.resolve(p)) : await defaultDashboards();
  const shown = (file: string) => path.relative(process.cwd(), file) || file;
  const { sources } = await readRuleFiles(ruleFiles);
  const queries: DashboardQuery[] = [];
  for (const file of dashboards) queries.push(...(await readDashboardQueries(file)));
  const problems = lintFiles({
    sources,
    queries,
    metrics: await readCatalogues(fixtures.catalogues),
    // The drills' fleet-time intervals.
    scrapeSeconds: parseDuration(SCRAPE_INTERVAL) / 1000,
    evaluationSeconds: parseDuration(EVALUATION_INTERVAL) / 1000,
  });
  for (const p of problems) write(`${shown(p.file)}:${p.line}: ${p.where}: ${p.message}\n`);
  const rules = sources.reduce((n, s) => n + s.groups.reduce((m, g) => m + g.rules.length, 0), 0);
  write(
    `${problems.length === 0 ? "clean" : `${problems.length} problem(s)`}: ${rules} rule(s) in ${ruleFiles.length} file(s), ${queries.length} dashboard quer${queries.length === 1 ? "y" : "ies"}, against ${fixtures.catalogues.length} catalogue(s)\n`,
  );
  return problems.length === 0 ? 0 : 1;
}
