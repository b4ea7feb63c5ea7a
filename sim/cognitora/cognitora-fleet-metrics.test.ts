import { describe, expect, it } from "vitest";
import { readCatalogue } from "../core/read-catalogue.ts";
import type { TopologyScrapeJob } from "../core/system-topology.ts";
import { expectCatalogueMetrics } from "../test-support/expect-catalogue-metrics.ts";
import { fileFixture } from "../test-support/file-fixture.ts";
import type { ExpositionFamily } from "../test-support/parse-exposition.ts";
import { sampleValue } from "../test-support/sample-value.ts";
import { sumSamples } from "../test-support/sum-samples.ts";
import { CognitoraTestFleet } from "./cognitora-test-fleet.ts";
import { cognitoraTopology } from "./cognitora-topology.ts";

const catalogue = readCatalogue("cognitora");

const fleet = fileFixture(() => CognitoraTestFleet.start());

/** One series per sample, as `name{labels}` with sorted labels, after `extra` is applied. */
function seriesOf(
  families: ReadonlyMap<string, ExpositionFamily>,
  extra: Readonly<Record<string, string>> = {},
  honorLabels = true,
): string[] {
  return [...families.values()].flatMap((f) =>
    f.samples.map((s) => {
      const labels: Record<string, string> = honorLabels ? { ...extra, ...s.labels } : {};
      if (!honorLabels) {
        for (const [k, v] of Object.entries(s.labels)) labels[k in extra ? `exported_${k}` : k] = v;
        Object.assign(labels, extra);
      }
      const text = Object.keys(labels)
        .sort()
        .map((k) => `${k}="${labels[k]}"`);
      return `${s.name}{${text.join(",")}}`;
    }),
  );
}

/**
 * Every series Prometheus would ingest from these jobs on the test fleet, without job and
 * instance: a series found twice here is one measurement that sum() counts twice.
 */
async function scrapedSeries(jobs: readonly TopologyScrapeJob[]): Promise<string[]> {
  const series: string[] = [];
  for (const job of jobs) {
    for (const target of job.targets) {
      const node = fleet().nodes.find((n) => n.url.endsWith(`//${target.address}`));
      const families = await fleet().scrape(node!.id, job.metricsPath ?? "/metrics");
      series.push(...seriesOf(families, target.labels, job.honorLabels === true));
    }
  }
  return series;
}

/** The series of `series` that occur more than once. */
function twice(series: readonly string[]): string[] {
  return series.filter((s, i) => series.indexOf(s) !== i);
}

describe("Cognitora fleet (virtual clock): metrics", () => {
  it("exposes exactly the catalogue's metrics of each binary, with types, help, labels and values", async () => {
    for (const n of fleet().nodes) {
      const own = catalogue.metrics.filter((m) => m.binary === n.role);
      const families = await fleet().scrape(n.id);
      // cgn-metrics' own families are the power gauges; the rest of its /metrics is the union.
      const mine = new Map([...families].filter(([name]) => own.some((m) => m.name === name)));
      expectCatalogueMetrics(n.role === "cgn-metrics" ? mine : families, own, n.id);
    }
  });

  it("serves each per-host series once on cgn-metrics' /metrics, as the host serves it, plus the power gauges, and no /metrics/power", async () => {
    const union = await fleet().scrape("cgn-metrics-0");
    const hosts = fleet().nodes.filter((n) => n.role !== "cgn-metrics");
    const direct: string[] = [];
    for (const n of hosts) {
      direct.push(...seriesOf(await fleet().scrape(n.id), { node: n.id, service: n.role }));
    }
    const power = new Map([...union].filter(([name]) => name === "cgn_power_watts"));
    const federated = new Map([...union].filter(([name]) => name !== "cgn_power_watts"));
    const served = seriesOf(federated);
    expect(twice(served)).toEqual([]);
    expect(served.sort()).toEqual(direct.sort());
    expect(seriesOf(power).length).toBeGreaterThan(fleet().nodes.length);
    expect(twice(seriesOf(power))).toEqual([]);
    const res = await fetch(`${fleet().node("cgn-metrics-0").url}/metrics/power`);
    expect(res.status).toBe(404);
  });

  it("is scraped so that Prometheus ingests every catalogue metric and no series twice", async () => {
    const placed = fleet().nodes.map((n) => ({
      id: n.id,
      role: n.role,
      address: new URL(n.url).host,
    }));
    const jobs = cognitoraTopology.scrapeJobs(placed);
    const series = await scrapedSeries(jobs);
    expect(twice(series)).toEqual([]);
    expect(new Set(series.map((s) => s.replace(/(_bucket|_sum|_count)?\{.*$/, "")))).toEqual(
      new Set(catalogue.metrics.map((m) => m.name)),
    );
    // Scraping the per-host endpoints as well (the union on top of them) would count each twice.
    const perHost = placed
      .filter((n) => n.role !== "cgn-metrics")
      .map((n) => ({ address: n.address, labels: { node: n.id, service: n.role ?? "" } }));
    const both = await scrapedSeries([...jobs, { job: "per-host", targets: perHost }]);
    expect(twice(both).length).toBeGreaterThan(0);
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

  // cgn:tokens_per_watt_5m divides by sum(cgn_power_watts{component=~"gpu.*|chassis"}): the
  // document's parts must add up to the host's draw once, which the PSUs carry (at 94%).
  it("reports power parts that add up to what the PSUs carry: GPUs and chassis, each watt once", async () => {
    await fleet().advance(30);
    const union = await fleet().scrape("cgn-metrics-0");
    const power = union.get("cgn_power_watts")?.samples ?? [];
    for (const host of ["cgn-agent-0", "cgn-router-0"]) {
      const of = (re: RegExp) =>
        power
          .filter((s) => s.labels.host === host && re.test(s.labels.component ?? ""))
          .reduce((sum, s) => sum + s.value, 0);
      const parts = of(/^(gpu\d+|chassis)$/);
      const carried = of(/^psu\d+$/) * 0.94;
      expect(parts, host).toBeGreaterThan(0);
      // Each gauge is rounded to the watt: within 2 W of each other.
      expect(
        Math.abs(parts - carried),
        `${host}: gpu+chassis ${parts} W, PSUs ${carried} W`,
      ).toBeLessThan(2);
    }
    expect(
      power.filter((s) => s.labels.host === "cgn-agent-0" && /^gpu/.test(s.labels.component ?? ""))
        .length,
    ).toBeGreaterThan(0);
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
