import { parse, stringify } from "yaml";
import { renderPrometheusConfig } from "../config/index.ts";
import type { planFleet } from "../runner/plan-fleet.ts";
import { EVALUATION_INTERVAL, SCRAPE_INTERVAL } from "../runner/run-scenario.ts";

/** prometheus.yml as the live stack gets it, at speed 1, without the Collector's jobs. */
export function virtualPrometheusConfig(plan: ReturnType<typeof planFleet>): string {
  const rendered = parse(
    renderPrometheusConfig({
      speed: 1,
      scrapeInterval: SCRAPE_INTERVAL,
      evaluationInterval: EVALUATION_INTERVAL,
      ruleFiles: [],
      alertmanagerUrl: "127.0.0.1:9093",
      jobs: plan.flatMap((p) => p.scrapeJobs),
      collectorPrometheus: "127.0.0.1:1",
      collectorTelemetry: "127.0.0.1:2",
    }),
  ) as { scrape_configs: { job_name: string }[]; alerting?: unknown };
  rendered.scrape_configs = rendered.scrape_configs.filter(
    (j) => !j.job_name.startsWith("otelcol"),
  );
  delete rendered.alerting;
  return stringify(rendered);
}
