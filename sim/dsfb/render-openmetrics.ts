import { dsfbFamilies } from "./dsfb-families.ts";
import { formatSampleValue } from "./format-sample-value.ts";
import type { MetricsSnapshot } from "./metrics-snapshot.ts";

/** The content type GET /metrics answers with. */
export const OPENMETRICS_CONTENT_TYPE =
  "application/openmetrics-text; version=1.0.0; charset=utf-8";

/** Escapes a label value or HELP text as OpenMetrics 1.0 requires: \\, \n and \". */
function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

/**
 * Renders a snapshot as OpenMetrics 1.0 text, as dsfb-database's `render_openmetrics` does.
 * Pure and deterministic: the same snapshot gives byte-identical text.
 *
 * - Each family: `# TYPE`, then `# HELP`, then its samples. Counter families are named without
 *   `_total` (`# TYPE dsfb_episodes counter`) and their samples carry it
 *   (`dsfb_episodes_total{motif="..."}`), as OpenMetrics 1.0 requires. No `# UNIT` lines: none of
 *   the six names ends in a unit, and in 1.0 a declared unit must be the name's suffix.
 * - Families in the document's order, motif series sorted by motif name (code points).
 * - The gauges of a motif whose first episode has not closed are NaN.
 * - No timestamps, no `_created` samples; the text ends with `# EOF\n`.
 *
 * @example
 * renderOpenMetrics({ motifs: [{ motif: "cache_collapse", episodes: 0, peakLast: NaN, trustSumLast: NaN }] });
 * // "# TYPE dsfb_episodes counter\n# HELP dsfb_episodes ...\ndsfb_episodes_total{motif=\"cache_collapse\"} 0\n...# EOF\n"
 */
export function renderOpenMetrics(snapshot: MetricsSnapshot): string {
  const lines: string[] = [];
  for (const family of dsfbFamilies(snapshot)) {
    lines.push(`# TYPE ${family.name} ${family.type}`);
    lines.push(`# HELP ${family.name} ${escapeText(family.help)}`);
    for (const sample of family.samples) {
      const labels = sample.labels
        .map(([name, value]) => `${name}="${escapeText(value)}"`)
        .join(",");
      const series = `${family.name}${sample.suffix}${labels ? `{${labels}}` : ""}`;
      lines.push(`${series} ${formatSampleValue(sample.value)}`);
    }
  }
  lines.push("# EOF");
  return `${lines.join("\n")}\n`;
}
