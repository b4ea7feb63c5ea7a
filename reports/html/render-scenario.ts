import path from "node:path";
import {
  type DetectionLatency,
  type ExpectationResult,
  formatSeconds,
  type ScenarioResult,
} from "../../harness/result/index.ts";
import { escapeHtml } from "./escape-html.ts";
import { renderLanes } from "./render-lanes.ts";

/** The anchor of a scenario's section, for links from the overview and the verdict grid. */
export const scenarioAnchor = (name: string) => `scenario-${name.replace(/[^a-z0-9-]/gi, "-")}`;

const f = (v: number | null) => (v === null ? "—" : formatSeconds(v));

/** Detection and resolve latency of a firing expectation against its windows and budget. */
function latencyTable(e: ExpectationResult, latency: DetectionLatency): string {
  const exp = e.expectation;
  const within = exp.kind === "fires" ? exp.within : "";
  const resolves = exp.kind === "fires" ? (exp.resolvesWithin ?? "—") : "—";
  const over = latency.deliveredWithinBudget === false ? ' class="over"' : "";
  return `<table class="latency"><thead><tr><th>fault→pending</th><th>→firing</th><th>→delivered</th><th>window</th><th>budget</th><th>heal→resolved</th><th>resolve window</th></tr></thead><tbody><tr><td>${f(latency.faultToPending)}</td><td>${f(latency.faultToFiring)}</td><td${over}>${f(latency.faultToDelivered)}</td><td>${escapeHtml(within)}</td><td title="scrape ${formatSeconds(latency.budget.scrapeInterval)} + evaluation ${formatSeconds(latency.budget.evaluationInterval)} + for ${formatSeconds(latency.budget.for)} + group_wait ${formatSeconds(latency.budget.groupWait)}">${formatSeconds(latency.budget.seconds)}</td><td>${f(latency.healToResolved)}</td><td>${escapeHtml(resolves)}</td></tr></tbody></table>`;
}

/** One expectation: its verdict, the failure message in place, its latencies. */
function expectation(e: ExpectationResult): string {
  const mark = e.state === "passed" ? "✓" : "✗";
  const message =
    e.state === "failed" ? `<pre class="failure-message">${escapeHtml(e.message)}</pre>` : "";
  const latency = e.latency ? latencyTable(e, e.latency) : "";
  return `<li class="expectation ${e.state}"><span class="mark">${mark}</span> ${escapeHtml(e.title)}${message}${latency}</li>`;
}

/** Links to the stack's and the fleet's logs, relative to the report folder. */
function logLinks(reportDir: string, logsDir: string | undefined, files: readonly string[]) {
  if (!logsDir || files.length === 0) return "";
  const links = files.map((file) => {
    const href = path.relative(reportDir, path.join(logsDir, file)).split(path.sep).join("/");
    return `<a href="${escapeHtml(encodeURI(href))}">${escapeHtml(file)}</a>`;
  });
  return `<p class="logs">logs: ${links.join(" · ")}</p>`;
}

/**
 * A scenario's section: verdict, expectations with failure messages and latencies, the
 * timeline of faults and alert lanes, a plot placeholder per alert series (the page's script
 * draws them with uPlot from the embedded data), and links to the logs.
 */
export function renderScenario(
  result: ScenarioResult,
  index: number,
  reportDir: string,
  logFiles: readonly string[],
): string {
  const plots = (result.series ?? []).map((s, i) => {
    const thresholds = s.thresholds
      .map((t) => `${t.op} ${typeof t.value === "number" ? t.value : "(expression)"}`)
      .join(", ");
    const note = s.note ? `<p class="note">${escapeHtml(s.note)}</p>` : "";
    return `<figure class="plot-box"><figcaption><b>${escapeHtml(s.alertname)}</b>: <code>${escapeHtml(s.query)}</code>${thresholds ? ` against ${escapeHtml(thresholds)}` : ""}</figcaption><div class="plot" data-plot="${index}:${i}"></div>${note}</figure>`;
  });
  const error = result.error
    ? `<pre class="failure-message">${escapeHtml(result.error)}</pre>`
    : "";
  return `<section class="scenario ${result.state}" id="${scenarioAnchor(result.name)}">
<h2><span class="verdict ${result.state}">${result.state}</span> ${escapeHtml(result.name)}</h2>
<p class="meta">${escapeHtml(result.file)} · ${formatSeconds(result.durationFleetSeconds)} of fleet time in ${result.wallSeconds.toFixed(1)}s wall · ${escapeHtml(result.driver)}, ${result.speed}x</p>
${error}<ul class="expectations">${result.expectations.map(expectation).join("")}</ul>
${renderLanes(result)}
${plots.join("\n")}
${logLinks(reportDir, result.logsDir, logFiles)}
</section>`;
}
