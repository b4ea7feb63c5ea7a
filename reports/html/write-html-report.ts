import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { RunResult, SuiteRun } from "../../harness/result/index.ts";
import { renderOverview } from "./render-overview.ts";
import { renderReportPage } from "./render-report-page.ts";
import { renderScenario } from "./render-scenario.ts";
import { renderVerdictGrid } from "./render-verdict-grid.ts";

// The log files a scenario kept (none when its folder is gone).
async function logFiles(dir: string | undefined): Promise<string[]> {
  if (!dir) return [];
  return (await readdir(dir).catch(() => [] as string[])).sort();
}

/** Writes DIR/index.html: the suite overview, then every scenario's timeline and plots. */
export async function writeHtmlReport(dir: string, result: RunResult): Promise<string> {
  const sections = await Promise.all(
    result.scenarios.map(async (s, i) => renderScenario(s, i, dir, await logFiles(s.logsDir))),
  );
  const data = {
    scenarios: result.scenarios.map((s) => ({
      name: s.name,
      durationFleetSeconds: s.durationFleetSeconds,
      faults: s.faults,
      series: s.series ?? [],
    })),
  };
  const page = await renderReportPage(
    `firedrill ${result.runId}`,
    `${renderOverview(result)}\n${sections.join("\n")}`,
    data,
  );
  const file = path.join(dir, "index.html");
  await writeFile(file, page);
  return file;
}

/** Writes DIR/index.html for several runs of a suite: the verdict grid, linking to each run. */
export async function writeVerdictGrid(dir: string, runs: readonly SuiteRun[]): Promise<string> {
  const relative = (run: SuiteRun) =>
    path.relative(dir, run.reportDir).split(path.sep).join("/") || ".";
  const page = await renderReportPage(
    `firedrill: ${runs.length} runs`,
    renderVerdictGrid(runs, relative),
    { scenarios: [] },
  );
  const file = path.join(dir, "index.html");
  await writeFile(file, page);
  return file;
}
