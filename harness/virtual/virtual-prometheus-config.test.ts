import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { planFleet } from "../runner/plan-fleet.ts";
import { virtualPrometheusConfig } from "./virtual-prometheus-config.ts";

describe("virtualPrometheusConfig", () => {
  it("scrapes Cognitora at cgn-metrics' /metrics alone, with honor_labels, so no series comes twice", () => {
    let port = 41_001;
    const plan = planFleet({ cognitora: { routers: 2, agents: 3, kvcached: 1 } }, () => port++);
    const metrics = plan[0]!.nodes.find((n) => n.role === "cgn-metrics")!;
    const config = parse(virtualPrometheusConfig(plan)) as {
      scrape_configs: Record<string, unknown>[];
    };
    // No per-host job next to the union, and no other path than the document's /metrics.
    expect(config.scrape_configs).toEqual([
      {
        job_name: "cognitora",
        scrape_interval: "15s",
        scrape_timeout: "12s",
        honor_labels: true,
        static_configs: [
          {
            targets: [`127.0.0.1:${metrics.port}`],
            labels: { node: "cgn-metrics-0", service: "cgn-metrics" },
          },
        ],
      },
    ]);
  });
});
