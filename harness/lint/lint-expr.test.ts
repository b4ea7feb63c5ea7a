import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../tools/tools.ts";
import { readCatalogues } from "./catalogue-index.ts";
import { lintExpr } from "./lint-expr.ts";

describe("lintExpr", async () => {
  const metrics = await readCatalogues([path.join(repoRoot, "fixtures/cognitora/catalogue.json")]);
  const context = { metrics, recorded: new Set(["cgn:cache_hit_ratio_5m"]), scrapeSeconds: 15 };

  it("flags a range of less than two scrapes and rate over a gauge", () => {
    expect(
      lintExpr(
        "rate(cgn_router_requests_total[20s]) + increase(cgn_agent_engine_ready[5m])",
        context,
      ),
    ).toEqual([
      {
        offset: 5,
        message:
          "range [20s] is shorter than two scrape intervals (2 × 15s): it holds at most one sample",
      },
      {
        offset: 39,
        message:
          "increase() over cgn_agent_engine_ready, a gauge: increase is for counters. Use delta() for a gauge",
      },
    ]);
  });

  it("knows histogram series, regex values, recorded series and the scrape's own series", () => {
    expect(
      lintExpr(
        'histogram_quantile(0.99, sum by (le) (rate(cgn_router_ttft_seconds_bucket{job="cognitora"}[5m]))) and on() cgn:cache_hit_ratio_5m < 0.3 and on() up{job="cognitora"} == 0 and on() cgn_router_requests_total{outcome=~"err.*"}',
        context,
      ),
    ).toEqual([]);
    expect(lintExpr('up{job="cognitoria"}', context)).toEqual([
      {
        offset: 3,
        message: 'up{job="cognitoria"} matches no value job takes (cognitora)',
      },
    ]);
  });

  it("reports what it cannot parse", () => {
    expect(lintExpr("sum(rate(x[5m])", context)).toEqual([
      { offset: 15, message: "could not parse the expression at character 16" },
    ]);
  });
});
