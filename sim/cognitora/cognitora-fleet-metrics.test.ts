import { describe, expect, it } from "vitest";
import { readCatalogue } from "../core/read-catalogue.ts";
import { expectCatalogueMetrics } from "../test-support/expect-catalogue-metrics.ts";
import { fileFixture } from "../test-support/file-fixture.ts";
import { sampleValue } from "../test-support/sample-value.ts";
import { sumSamples } from "../test-support/sum-samples.ts";
import { CognitoraTestFleet } from "./cognitora-test-fleet.ts";

const catalogue = readCatalogue("cognitora");

const fleet = fileFixture(() => CognitoraTestFleet.start());

describe("Cognitora fleet (virtual clock): metrics", () => {
  it("exposes exactly the catalogue's metrics of each binary, with types, help, labels and values", async () => {
    for (const n of fleet().nodes) {
      const path = n.role === "cgn-metrics" ? "/metrics/power" : "/metrics";
      const families = await fleet().scrape(n.id, path);
      expectCatalogueMetrics(
        families,
        catalogue.metrics.filter((m) => m.binary === n.role),
        n.id,
      );
    }
  });

  it("federates every host's series on cgn-metrics' /metrics, labelled with node and service, plus the power gauges", async () => {
    const union = await fleet().scrape("cgn-metrics-0");
    expect([...union.keys()].sort()).toEqual(catalogue.metrics.map((m) => m.name).sort());
    for (const metric of catalogue.metrics.filter((m) => m.binary !== "cgn-metrics")) {
      const samples = union.get(metric.name)?.samples ?? [];
      const sources = new Set(samples.map((s) => `${s.labels.node}/${s.labels.service}`));
      const hosts = fleet()
        .nodes.filter((n) => n.role === metric.binary)
        .map((n) => `${n.id}/${n.role}`);
      expect([...sources].sort(), metric.name).toEqual(hosts.sort());
    }
    const direct = await fleet().scrape("cgn-agent-1");
    expect(sampleValue(union, "cgn_agent_engine_ready", { node: "cgn-agent-1" })).toBe(
      sampleValue(direct, "cgn_agent_engine_ready", {}),
    );
    const power = union.get("cgn_power_watts")?.samples ?? [];
    expect(new Set(power.map((s) => s.labels.host))).toEqual(
      new Set(fleet().nodes.map((n) => n.id)),
    );
    expect(
      power.filter((s) => s.labels.host === "cgn-agent-0").map((s) => s.labels.component),
    ).toContain("gpu1");
  });

  it("stays clear of every alert threshold without faults", async () => {
    const { total, slow } = await fleet().routerTtft(() => fleet().advance(60));
    expect(total).toBeGreaterThan(300);
    expect(slow / total).toBeLessThan(0.005);
    for (const r of ["cgn-router-0", "cgn-router-1"]) {
      const families = await fleet().scrape(r);
      expect(sumSamples(families, "cgn_router_admission_rejected_total")).toBe(0);
      for (const s of families.get("cgn_router_cache_hit_ratio")?.samples ?? []) {
        expect(s.value).toBeGreaterThan(0.45);
      }
      expect(sumSamples(families, "cgn_router_requests_total", { outcome: "ok" })).toBeGreaterThan(
        500,
      );
    }
    for (const a of ["cgn-agent-0", "cgn-agent-1", "cgn-agent-2"]) {
      expect(sumSamples(await fleet().scrape(a), "cgn_agent_engine_ready")).toBe(1);
    }
  });
});
