import { dsfbFamilies } from "./dsfb-families.ts";
import { formatSampleValue } from "./format-sample-value.ts";
import type { MetricsSnapshot } from "./metrics-snapshot.ts";

/** Escapes a label value for the Prometheus text format: \\, \n and \". */
function escapeLabel(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

/** Escapes HELP text for the Prometheus text format: \\ and \n only. */
function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

/**
 * Renders the same snapshot in the Prometheus text format 0.0.4, the format node_exporter's
 * textfile collector reads from `*.prom` files: `# HELP` and `# TYPE` name the sample name
 * (`dsfb_episodes_total`, counters keep `_total`), no `# EOF`. `labels` are added to every
 * sample after `motif` (sorted by name), so that one node_exporter can read the files of many
 * simulated nodes without duplicate series. Pure and deterministic.
 *
 * @example
 * renderPrometheusText(snapshot, { node: "dsfb-0" });
 * // "# HELP dsfb_episodes_total ...\n# TYPE dsfb_episodes_total counter\ndsfb_episodes_total{motif=\"cache_collapse\",node=\"dsfb-0\"} 3\n..."
 */
export function renderPrometheusText(
  snapshot: MetricsSnapshot,
  labels: Readonly<Record<string, string>> = {},
): string {
  const extra = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines: string[] = [];
  for (const family of dsfbFamilies(snapshot)) {
    const name = `${family.name}${family.type === "counter" ? "_total" : ""}`;
    lines.push(`# HELP ${name} ${escapeHelp(family.help)}`);
    lines.push(`# TYPE ${name} ${family.type}`);
    for (const sample of family.samples) {
      const pairs = [...sample.labels, ...extra]
        .map(([label, value]) => `${label}="${escapeLabel(value)}"`)
        .join(",");
      lines.push(
        `${family.name}${sample.suffix}${pairs ? `{${pairs}}` : ""} ${formatSampleValue(sample.value)}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
