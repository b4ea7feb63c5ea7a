import type { SuiteRun } from "../../harness/result/index.ts";
import { escapeHtml } from "./escape-html.ts";
import { scenarioAnchor } from "./render-scenario.ts";

/**
 * The verdict grid of several runs of one suite (`--repeat`, `--seeds`): a row per scenario, a
 * column per run, each cell linking to that run's report; a row whose verdicts differ is flaky.
 */
export function renderVerdictGrid(
  runs: readonly SuiteRun[],
  relativeDir: (run: SuiteRun) => string,
) {
  const names = [...new Set(runs.flatMap((r) => r.result.scenarios.map((s) => s.name)))];
  const head = runs
    .map(
      (r) =>
        `<th><a href="${escapeHtml(`${relativeDir(r)}/index.html`)}">${escapeHtml(r.label)}</a></th>`,
    )
    .join("");
  const rows = names.map((name) => {
    const states = runs.map(
      (r) => r.result.scenarios.find((s) => s.name === name)?.state ?? "missing",
    );
    const cells = runs.map((r, i) => {
      const state = states[i]!;
      const href = `${relativeDir(r)}/index.html#${scenarioAnchor(name)}`;
      return `<td class="cell ${state}"><a href="${escapeHtml(href)}">${state}</a></td>`;
    });
    const flaky = states.some((s) => s !== states[0]);
    return `<tr class="${flaky ? "flaky" : ""}"><td>${escapeHtml(name)}${flaky ? ' <span class="flaky-mark">flaky</span>' : ""}</td>${cells.join("")}</tr>`;
  });
  return `<section class="grid"><h1>${runs.length} runs of the suite</h1><table class="verdict-grid"><thead><tr><th>scenario</th>${head}</tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}
