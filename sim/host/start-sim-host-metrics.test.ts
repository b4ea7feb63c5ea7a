import { describe, expect, it, vi } from "vitest";
import { readCatalogue } from "../core/read-catalogue.ts";
import { CosmictronTestHost } from "../cosmictron/cosmictron-test-host.ts";
import { expectCatalogueMetrics } from "../test-support/expect-catalogue-metrics.ts";
import { fileFixture } from "../test-support/file-fixture.ts";
import { requestOutcome } from "../test-support/request-outcome.ts";
import { sumSamples } from "../test-support/sum-samples.ts";

const catalogue = readCatalogue("cosmictron");

const cosmictron = fileFixture(() => CosmictronTestHost.start());

describe("startSimHost (cosmictron, virtual clock): metrics, health and telemetry", () => {
  it("exposes exactly the catalogue's metrics, with their types, help and labels", async () => {
    const families = await cosmictron().fleet.scrape();
    expectCatalogueMetrics(families, catalogue.metrics);
    expect(sumSamples(families, "cosmictron_reducer_calls_total")).toBeGreaterThan(60 * 5);
  });

  it("stays clear of every alert threshold when no fault is active", async () => {
    const families = await cosmictron().fleet.scrape();
    const calls = families.get("cosmictron_reducer_calls_total")?.samples ?? [];
    for (const s of calls.filter((c) => c.labels.status === "error"))
      expect(s.value / 60).toBeLessThan(0.05);
    const fsyncAll = sumSamples(families, "cosmictron_wal_fsync_duration_seconds_count");
    const fsyncFast = sumSamples(families, "cosmictron_wal_fsync_duration_seconds_bucket", {
      le: "0.025",
    });
    // A long tail, but at least 99% of fsyncs within 25 ms: the p99 is far under 0.5 s.
    expect(fsyncFast / fsyncAll).toBeGreaterThan(0.99);
    const ratio =
      sumSamples(families, "cosmictron_storage_bytes_used") /
      sumSamples(families, "cosmictron_storage_disk_total_bytes");
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(0.6);
    const tsa = async (status: string) =>
      sumSamples(await cosmictron().fleet.scrape(), "cosmictron_compliance_tsa_requests_total", {
        status,
      });
    await vi.waitFor(async () => {
      expect(await tsa("ok")).toBeGreaterThan(0);
    });
    expect(await tsa("error")).toBe(0);
  });

  it("answers the documented health endpoints, consistent with the metrics", async () => {
    const { node0 } = cosmictron();
    expect(await requestOutcome(`${node0}/v1/health`)).toBe(200);
    expect(await requestOutcome(`${node0}/v1/health/ready`)).toBe(200);
    const health = await cosmictron().detailed();
    const families = await cosmictron().fleet.scrape();
    const modules = new Set(
      families.get("cosmictron_reducer_calls_total")?.samples.map((s) => s.labels.module),
    );
    expect(health).toEqual({
      status: "healthy",
      wal: { status: "ok", pending_segments: 0 },
      storage: {
        status: "ok",
        pages: sumSamples(families, "cosmictron_storage_pages_total"),
        bytes_used: sumSamples(families, "cosmictron_storage_bytes_used"),
      },
      modules: [...modules].map((name) => ({
        name,
        status: "active",
        reducers: expect.any(Number),
      })),
      subscriptions: {
        active: sumSamples(families, "cosmictron_subscription_count"),
      },
      uptime_secs: 60,
    });
  });

  it("exports spans over OTLP and writes JSON logs", async () => {
    await cosmictron().fleet.host.flushSpans();
    const requests = cosmictron().otlp.requests;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests[0]).toEqual({
      method: "POST",
      path: "/v1/traces",
      contentType: "application/x-protobuf",
      bytes: expect.any(Number),
    });
    const first = JSON.parse(cosmictron().fleet.logLines[0] ?? "{}");
    expect(first).toMatchObject({
      level: "INFO",
      target: "cosmictron_core",
      fields: { message: "Cosmictron starting" },
    });
  });
});
