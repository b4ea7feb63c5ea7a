import { describe, expect, it, vi } from "vitest";
import { CosmictronTestHost } from "../cosmictron/cosmictron-test-host.ts";
import { fileFixture } from "../test-support/file-fixture.ts";
import type { ExpositionFamily } from "../test-support/parse-exposition.ts";
import { requestOutcome } from "../test-support/request-outcome.ts";
import { sumSamples } from "../test-support/sum-samples.ts";

const cosmictron = fileFixture(() => CosmictronTestHost.start());

describe("startSimHost (cosmictron, virtual clock): faults", () => {
  it("moves the fsync p99 above 0.5 s under cosmictron.wal.fsync-stall and reports the WAL degraded", async () => {
    const { fleet, node0 } = cosmictron();
    const before = await fleet.scrape();
    const id = await cosmictron().inject("cosmictron.wal.fsync-stall", { latencySeconds: 1.5 });
    fleet.clock.advance(30_000);
    const after = await fleet.scrape();
    const count = (f: Map<string, ExpositionFamily>, le: string) =>
      sumSamples(f, "cosmictron_wal_fsync_duration_seconds_bucket", { le });
    const total = count(after, "+Inf") - count(before, "+Inf");
    const slow = total - (count(after, "0.5") - count(before, "0.5"));
    // Group commit: one fsync about every 1.5 s (20 in 30 s), each over the line.
    expect(total).toBeGreaterThan(10);
    expect(total).toBeLessThan(40);
    expect(slow / total).toBeGreaterThan(0.99);
    // The reducer calls wait for the stalled WAL: their mean latency is over the stall.
    const reducer = (f: Map<string, ExpositionFamily>, part: string) =>
      sumSamples(f, `cosmictron_reducer_duration_seconds_${part}`);
    const mean =
      (reducer(after, "sum") - reducer(before, "sum")) /
      (reducer(after, "count") - reducer(before, "count"));
    expect(mean).toBeGreaterThan(1.5);
    expect((await cosmictron().detailed()).wal.status).toBe("degraded");
    expect((await cosmictron().detailed()).status).toBe("degraded");
    expect(await requestOutcome(`${node0}/v1/health/ready`)).toBe(200);
    await fleet.heal(id);
    fleet.clock.advance(10_000);
    expect((await cosmictron().detailed()).wal).toEqual({ status: "ok", pending_segments: 0 });
  });

  it("raises the error share under cosmictron.reducer.error-burst", async () => {
    const { fleet } = cosmictron();
    const before = await fleet.scrape();
    const id = await cosmictron().inject("cosmictron.reducer.error-burst", { errorRatio: 0.5 });
    fleet.clock.advance(60_000);
    const after = await fleet.scrape();
    const delta = (status: string) =>
      sumSamples(after, "cosmictron_reducer_calls_total", { status }) -
      sumSamples(before, "cosmictron_reducer_calls_total", { status });
    const share = delta("error") / (delta("error") + delta("ok"));
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
    await fleet.control("DELETE", `/faults/${id}`);
  });

  it("fills storage over the ramp and fails readiness above 0.95 under cosmictron.storage.fill", async () => {
    const { fleet, node0 } = cosmictron();
    const id = await cosmictron().inject("cosmictron.storage.fill", {
      fillRatio: 0.97,
      rampSeconds: 60,
    });
    fleet.clock.advance(50_000);
    expect((await cosmictron().detailed()).storage.status).toBe("degraded");
    fleet.clock.advance(11_000);
    const families = await fleet.scrape();
    const ratio =
      sumSamples(families, "cosmictron_storage_bytes_used") /
      sumSamples(families, "cosmictron_storage_disk_total_bytes");
    expect(ratio).toBeCloseTo(0.97, 3);
    expect(await requestOutcome(`${node0}/v1/health/ready`)).toBe(503);
    expect(await cosmictron().detailed()).toMatchObject({
      status: "unhealthy",
      storage: { status: "full" },
    });
    await fleet.control("DELETE", `/faults/${id}`);
    fleet.clock.advance(1_000);
    expect(await requestOutcome(`${node0}/v1/health/ready`)).toBe(200);
  });

  it("counts TSA errors through the msw-answered authority under cosmictron.tsa.errors", async () => {
    const { fleet } = cosmictron();
    const errors = async () =>
      sumSamples(await fleet.scrape(), "cosmictron_compliance_tsa_requests_total", {
        status: "error",
      });
    const start = await errors();
    const id = await cosmictron().inject("cosmictron.tsa.errors", { mode: "error" });
    fleet.clock.advance(30_000);
    await vi.waitFor(async () => expect(await errors()).toBeGreaterThanOrEqual(start + 2));
    await fleet.control("DELETE", `/faults/${id}`);

    // Virtual time: the unanswered request is dropped after the authority's hold (30 fleet s).
    const timeoutId = await cosmictron().inject("cosmictron.tsa.errors", { mode: "timeout" });
    const beforeTimeout = await errors();
    await vi.waitFor(async () => {
      fleet.clock.advance(5_000);
      expect(await errors()).toBeGreaterThan(beforeTimeout);
    });
    await fleet.control("DELETE", `/faults/${timeoutId}`);
    expect(
      fleet.logLines.filter((l) => l.includes('"TSA request failed"')).length,
    ).toBeGreaterThanOrEqual(3);
  });
});
