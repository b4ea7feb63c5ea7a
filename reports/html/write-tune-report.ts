import { writeFile } from "node:fs/promises";
import path from "node:path";
import { candidateLabel, faultCell, type TuneReport } from "../../harness/result/index.ts";
import { escapeHtml } from "./escape-html.ts";
import { renderReportPage } from "./render-report-page.ts";

/** What the page's script plots: per value, each fault drill's fault → page and the noise. */
export interface TunePlotData {
  readonly values: readonly string[];
  /** Fleet seconds from the fault to the first page, null where it never paged. */
  readonly faultDrills: readonly { readonly name: string; readonly seconds: (number | null)[] }[];
  /** The detection budget of each value (the largest of its fault drills'), null if none. */
  readonly budget: readonly (number | null)[];
  readonly noiseFirings: readonly number[];
  readonly noisePages: readonly number[];
}

/** The numbers behind the plots, in the rows' order. */
export function tunePlotData(report: TuneReport): TunePlotData {
  const outcome = (row: TuneReport["rows"][number], name: string) =>
    row.drills.find((d) => d.scenario === name);
  return {
    values: report.rows.map((r) => candidateLabel(r.candidate)),
    faultDrills: report.faultDrills.map((name) => ({
      name,
      seconds: report.rows.map((r) => outcome(r, name)?.faultToDelivered ?? null),
    })),
    budget: report.rows.map((r) => {
      const budgets = r.drills.flatMap((d) => (d.budgetSeconds === null ? [] : [d.budgetSeconds]));
      return budgets.length > 0 ? Math.max(...budgets) : null;
    }),
    noiseFirings: report.rows.map((r) => r.noiseFirings),
    noisePages: report.rows.map((r) => r.noisePages),
  };
}

/** The tune table as HTML: the same cells as the terminal's, the good values marked. */
export function renderTuneBody(report: TuneReport): string {
  const cell = (row: TuneReport["rows"][number], name: string) => {
    const o = row.drills.find((d) => d.scenario === name);
    if (!o) return "<td>skipped</td>";
    const note = o.note ? ` title="${escapeHtml(o.note)}"` : "";
    return `<td class="${o.state}"${note}>${escapeHtml(faultCell(o))}</td>`;
  };
  const rows = report.rows.map((row) => {
    const noisy = row.drills.filter((d) => d.role === "noise" && d.state === "failed");
    const noise = `${row.noiseFirings} / ${row.noisePages}${noisy.length > 0 ? ` (${noisy.map((d) => d.scenario).join(", ")})` : ""}`;
    return `<tr class="${row.verdict === "good" ? "passed" : "failed"}"><td>${escapeHtml(candidateLabel(row.candidate))}${row.candidate.asWritten ? " (as written)" : ""}</td>${report.faultDrills.map((name) => cell(row, name)).join("")}<td>${escapeHtml(noise)}</td><td><span class="verdict ${row.verdict === "good" ? "passed" : "failed"}">${escapeHtml(row.verdict)}</span></td></tr>`;
  });
  const head = report.faultDrills.map((name) => `<th>${escapeHtml(name)}</th>`).join("");
  const versions = Object.entries(report.versions)
    .map(([k, v]) => `${escapeHtml(k)} ${escapeHtml(String(v))}`)
    .join(", ");
  return `<section class="overview tune">
<h1>firedrill tune ${escapeHtml(report.alert)}</h1>
<p class="meta">${escapeHtml(report.ruleFile)} · ${report.time} time · ${report.faultDrills.length} fault drill(s), ${report.noiseDrills.length} noise drill(s) · ${report.wallSeconds.toFixed(1)}s wall</p>
<p class="versions">${versions}</p>
<table class="tune-table"><thead><tr><th>value</th>${head}<th>noise: fired / paged</th><th>verdict</th></tr></thead><tbody>${rows.join("")}</tbody></table>
<h3>Fault → page per value, against the budget</h3>
<div class="plot" data-tune-plot="latency"></div>
<h3>Noise: firings and pages per value</h3>
<div class="plot" data-tune-plot="noise"></div>
</section>`;
}

/** Writes DIR/tune.html: the table and its two plots, one self-contained file. */
export async function writeTuneReport(dir: string, report: TuneReport): Promise<string> {
  const page = await renderReportPage(`firedrill tune ${report.alert}`, renderTuneBody(report), {
    scenarios: [],
    tune: tunePlotData(report),
  });
  const file = path.join(dir, "tune.html");
  await writeFile(file, page);
  return file;
}
