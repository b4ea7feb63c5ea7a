import { describe, expect, it } from "vitest";
import type { Catalogue } from "./catalogue.ts";
import { CatalogueRegistry } from "./catalogue-registry.ts";

const catalogue: Catalogue = {
  system: "toy",
  document: "none",
  metrics: [
    {
      name: "toy_requests_total",
      type: "counter",
      help: "Requests",
      labels: ["node", "route", "status"],
      labelValues: { status: ["ok", "error"] },
    },
    { name: "toy_depth", type: "gauge", help: "Depth", labels: ["queue"] },
    { name: "toy_seconds", type: "histogram", help: "Latency", labels: ["route"] },
  ],
};

const registry = () =>
  new CatalogueRegistry(catalogue, { omitLabels: ["node"], buckets: { default: [1] } });

describe("CatalogueRegistry.zero", () => {
  it("creates one series at 0 per combination, a label not given taking the catalogue's values", async () => {
    const metrics = registry();
    metrics.zero("toy_requests_total", { route: ["/a", "/b"] });
    metrics.zero("toy_depth", { queue: "q1" });
    metrics.zero("toy_seconds", { route: "/a" });
    expect(await metrics.registry.metrics()).toMatchInlineSnapshot(`
      "# HELP toy_requests_total Requests
      # TYPE toy_requests_total counter
      toy_requests_total{route="/a",status="ok"} 0
      toy_requests_total{route="/a",status="error"} 0
      toy_requests_total{route="/b",status="ok"} 0
      toy_requests_total{route="/b",status="error"} 0

      # HELP toy_depth Depth
      # TYPE toy_depth gauge
      toy_depth{queue="q1"} 0

      # HELP toy_seconds Latency
      # TYPE toy_seconds histogram
      toy_seconds_bucket{le="1",route="/a"} 0
      toy_seconds_bucket{le="+Inf",route="/a"} 0
      toy_seconds_sum{route="/a"} 0
      toy_seconds_count{route="/a"} 0
      "
    `);
  });

  it("names the label whose values neither the call nor the catalogue gives", () => {
    expect(() => registry().zero("toy_requests_total")).toThrow(
      new TypeError("No values for label route of toy_requests_total: pass them to zero()"),
    );
  });

  it("names a metric the node does not expose", () => {
    expect(() => registry().zero("toy_missing_total")).toThrow(
      new TypeError("The registry has no metric named toy_missing_total"),
    );
  });
});
