import { expect } from "vitest";
import type { PrometheusClient } from "../../../harness/observe/prometheus-client.ts";
import { catalogues, familyOf, jobsOf, SYNTHETIC } from "./fleet-catalogues.ts";

/** Every series of every job is a catalogued metric with its type and labels, and every catalogued metric is there. */
export async function checkMetrics(prometheus: PrometheusClient): Promise<void> {
  const metadata = await prometheus.metadata();
  for (const catalogue of catalogues.values()) {
    const jobs = jobsOf(catalogue);
    const selector = `{job=~"${jobs.join("|")}"}`;
    const samples = await prometheus.query(selector);
    const seen = new Set<string>();
    for (const sample of samples) {
      const name = sample.metric.__name__!;
      // Prometheus' own per-target series, and recording rules' output (level:metric:operations).
      if (SYNTHETIC.has(name) || name.includes(":")) continue;
      const metric = familyOf(catalogue, name);
      expect(metric, `${catalogue.system}: ${name} is emitted but not catalogued`).toBeDefined();
      seen.add(metric!.name);
      const expected = new Set([
        ...metric!.labels,
        ...Object.keys(catalogue.targetLabels ?? {}),
        "job",
        "instance",
        ...(name.endsWith("_bucket") ? ["le"] : []),
      ]);
      const labels = Object.keys(sample.metric).filter((l) => l !== "__name__");
      expect(labels.sort(), `${catalogue.system}: labels of ${name}`).toEqual([...expected].sort());
      for (const [label, values] of Object.entries(metric!.labelValues ?? {})) {
        expect(values, `${name}{${label}="${sample.metric[label]}"}`).toContain(
          sample.metric[label],
        );
      }
    }
    expect([...seen].sort(), `${catalogue.system}: catalogued metrics scraped`).toEqual(
      catalogue.metrics.map((m) => m.name).sort(),
    );
    for (const metric of catalogue.metrics) {
      // OpenMetrics names a counter family without _total.
      const meta = metadata[metric.name] ?? metadata[metric.name.replace(/_total$/, "")];
      expect(meta?.[0]?.type, `${catalogue.system}: type of ${metric.name}`).toBe(metric.type);
    }
  }
}
