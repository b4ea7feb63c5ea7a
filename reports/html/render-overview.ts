import { describeAlert, formatSeconds, type RunResult } from "../../harness/result/index.ts";
import { escapeHtml } from "./escape-html.ts";
import { scenarioAnchor } from "./render-scenario.ts";

/** How many of the slowest alerts the overview lists. */
const SLOWEST = 5;

/**
 * The suite overview: each scenario's verdict, wall and fleet time, and the slowest alerts
 * (fault → firing notification, else → firing) against their budget.
 */
export function renderOverview(result: RunResult): string {
  const rows = result.scenarios.map((s) => {
    const failed = s.expectations.filter((e) => e.state === "failed").length;
    return `<tr class="${s.state}"><td><a href="#${scenarioAnchor(s.name)}">${escapeHtml(s.name)}</a></td><td><span class="verdict ${s.state}">${s.state}</span>${failed > 0 ? ` ${failed} of ${s.expectations.length}` : ""}</td><td>${s.wallSeconds.toFixed(1)}s</td><td>${formatSeconds(s.durationFleetSeconds)}</td></tr>`;
  });
  const latencies = result.scenarios.flatMap((s) =>
    s.expectations.flatMap((e) => {
      const l = e.latency;
      const took = l?.faultToDelivered ?? l?.faultToFiring ?? null;
      if (!l || took === null || e.expectation.kind !== "fires") return [];
      const who = describeAlert(e.expectation.alert, e.expectation.labels);
      return [{ scenario: s.name, who, took, delivered: l.faultToDelivered !== null, l }];
    }),
  );
  const slowest = latencies
    .sort((a, b) => b.took - a.took)
    .slice(0, SLOWEST)
    .map(
      (x) =>
        `<tr><td>${escapeHtml(x.who)}</td><td><a href="#${scenarioAnchor(x.scenario)}">${escapeHtml(x.scenario)}</a></td><td${x.l.deliveredWithinBudget === false ? ' class="over"' : ""}>${formatSeconds(x.took)} ${x.delivered ? "to delivery" : "to firing"}</td><td>${formatSeconds(x.l.budget.seconds)}</td></tr>`,
    );
  const passed = result.scenarios.filter((s) => s.state === "passed").length;
  const fleet = result.scenarios.reduce((n, s) => n + s.durationFleetSeconds, 0);
  const versions = Object.entries(result.versions)
    .map(([k, v]) => `${escapeHtml(k)} ${escapeHtml(v)}`)
    .join(", ");
  return `<section class="overview">
<h1>firedrill run ${escapeHtml(result.runId)}</h1>
<p class="summary"><span class="count passed">${passed} passed</span>, <span class="count failed">${result.scenarios.length - passed} failed</span> · ${result.wallSeconds.toFixed(1)}s wall, ${formatSeconds(fleet)} of fleet time · started ${escapeHtml(result.startedAt)}</p>
<p class="versions">${versions}</p>
<table class="scenarios"><thead><tr><th>scenario</th><th>verdict</th><th>wall</th><th>fleet time</th></tr></thead><tbody>${rows.join("")}</tbody></table>
${slowest.length > 0 ? `<h3>Slowest alerts</h3><table class="slowest"><thead><tr><th>alert</th><th>scenario</th><th>fault →</th><th>budget</th></tr></thead><tbody>${slowest.join("")}</tbody></table>` : ""}
</section>`;
}
