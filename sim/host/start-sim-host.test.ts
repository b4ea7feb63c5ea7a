import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { VirtualClock } from "../core/clock.ts";
import { SimConfigError } from "../core/errors.ts";
import { readCatalogue } from "../core/read-catalogue.ts";
import { type ExpositionFamily, parseExposition } from "../test-support/parse-exposition.ts";
import { type StartedSimHost, startSimHost } from "./start-sim-host.ts";

const catalogue = readCatalogue("cosmictron");

const clock = new VirtualClock(Date.UTC(2025, 0, 1));
const logs = new PassThrough();
const logLines: string[] = [];
logs.on("data", (c: Buffer) => logLines.push(...c.toString().split("\n").filter(Boolean)));
const otlpRequests: string[] = [];
let otlp: http.Server;
let host: StartedSimHost;
let node0: string;

beforeAll(async () => {
  otlp = http.createServer((req, res) => {
    otlpRequests.push(`${req.method} ${req.url} ${req.headers["content-type"]}`);
    req.resume();
    req.on("end", () => res.end());
  });
  otlp.listen(0, "127.0.0.1");
  await once(otlp, "listening");
  host = await startSimHost(
    {
      system: "cosmictron",
      seed: 42,
      nodes: [
        { id: "cosmictron-0", port: 0 },
        { id: "cosmictron-1", port: 0 },
      ],
      controlPort: 0,
      otlpEndpoint: `http://127.0.0.1:${(otlp.address() as AddressInfo).port}`,
    },
    { clock, logStream: logs, env: {} },
  );
  node0 = host.nodes[0]?.url ?? "";
  clock.advance(60_000);
});

afterAll(async () => {
  await host?.stop();
  otlp.closeAllConnections();
  otlp.close();
});

/** Scrapes a node's /metrics and parses it. */
async function scrape(url = node0): Promise<Map<string, ExpositionFamily>> {
  const res = await fetch(`${url}/metrics`);
  expect(res.status).toBe(200);
  return parseExposition(await res.text());
}

/** Sums the samples of `sample` whose labels include `labels`. */
function sum(
  families: Map<string, ExpositionFamily>,
  family: string,
  sample: string,
  labels: Record<string, string> = {},
): number {
  return (families.get(family)?.samples ?? [])
    .filter((s) => s.name === sample && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((total, s) => total + s.value, 0);
}

/** Calls the control API. */
async function control(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${host.controlUrl}${path}`, {
    method,
    ...(body !== undefined && {
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
  });
  return { status: res.status, json: await res.json() };
}

/** Injects a fault and returns its id. */
async function inject(
  name: string,
  params?: Record<string, unknown>,
  target = "cosmictron-0",
): Promise<string> {
  const { status, json } = await control("POST", "/faults", { name, target, params });
  expect(status, JSON.stringify(json)).toBe(201);
  return (json as { id: string }).id;
}

/** Detailed health of node 0. */
async function detailed(): Promise<
  Record<string, unknown> & {
    status: string;
    wal: { status: string };
    storage: { status: string; pages: number; bytes_used: number };
  }
> {
  return (await (await fetch(`${node0}/v1/health/detailed`)).json()) as never;
}

/** How a request to a URL ends: its status, or the error code. */
async function outcome(url: string, timeoutMs = 2_000): Promise<number | string> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })).status;
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    return e.cause?.code ?? e.name;
  }
}

describe("startSimHost (cosmictron, virtual clock)", () => {
  it("exposes exactly the catalogue's metrics, with their types, help and labels", async () => {
    const families = await scrape();
    expect([...families.keys()].sort()).toEqual(catalogue.metrics.map((m) => m.name).sort());
    for (const metric of catalogue.metrics) {
      const family = families.get(metric.name);
      expect(family?.type, metric.name).toBe(metric.type);
      expect(family?.help, metric.name).toBe(metric.help);
      expect(family?.samples.length, metric.name).toBeGreaterThan(0);
      for (const sample of family?.samples ?? []) {
        const names = Object.keys(sample.labels).filter(
          (l) => !(sample.name.endsWith("_bucket") && l === "le"),
        );
        expect(names.sort(), sample.name).toEqual([...metric.labels].sort());
        for (const [label, allowed] of Object.entries(metric.labelValues ?? {})) {
          expect(allowed, `${sample.name} ${label}`).toContain(sample.labels[label]);
        }
      }
    }
    expect(
      sum(families, "cosmictron_reducer_calls_total", "cosmictron_reducer_calls_total"),
    ).toBeGreaterThan(60 * 5);
  });

  it("stays clear of every alert threshold when no fault is active", async () => {
    const families = await scrape();
    const calls = families.get("cosmictron_reducer_calls_total")?.samples ?? [];
    for (const s of calls.filter((c) => c.labels.status === "error"))
      expect(s.value / 60).toBeLessThan(0.05);
    const fsyncAll = sum(
      families,
      "cosmictron_wal_fsync_duration_seconds",
      "cosmictron_wal_fsync_duration_seconds_count",
    );
    const fsyncFast = sum(
      families,
      "cosmictron_wal_fsync_duration_seconds",
      "cosmictron_wal_fsync_duration_seconds_bucket",
      { le: "0.025" },
    );
    expect(fsyncFast).toBe(fsyncAll);
    const ratio =
      sum(families, "cosmictron_storage_bytes_used", "cosmictron_storage_bytes_used") /
      sum(families, "cosmictron_storage_disk_total_bytes", "cosmictron_storage_disk_total_bytes");
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(0.6);
    await vi.waitFor(async () => {
      expect(
        sum(
          await scrape(),
          "cosmictron_compliance_tsa_requests_total",
          "cosmictron_compliance_tsa_requests_total",
          { status: "ok" },
        ),
      ).toBeGreaterThan(0);
    });
    expect(
      sum(
        await scrape(),
        "cosmictron_compliance_tsa_requests_total",
        "cosmictron_compliance_tsa_requests_total",
        { status: "error" },
      ),
    ).toBe(0);
  });

  it("answers the documented health endpoints, consistent with the metrics", async () => {
    expect(await outcome(`${node0}/v1/health`)).toBe(200);
    expect(await outcome(`${node0}/v1/health/ready`)).toBe(200);
    const health = await detailed();
    const families = await scrape();
    const modules = new Set(
      families.get("cosmictron_reducer_calls_total")?.samples.map((s) => s.labels.module),
    );
    expect(health).toEqual({
      status: "healthy",
      wal: { status: "ok", pending_segments: 0 },
      storage: {
        status: "ok",
        pages: sum(families, "cosmictron_storage_pages_total", "cosmictron_storage_pages_total"),
        bytes_used: sum(families, "cosmictron_storage_bytes_used", "cosmictron_storage_bytes_used"),
      },
      modules: [...modules].map((name) => ({
        name,
        status: "active",
        reducers: expect.any(Number),
      })),
      subscriptions: {
        active: sum(families, "cosmictron_subscription_count", "cosmictron_subscription_count"),
      },
      uptime_secs: 60,
    });
  });

  it("moves the fsync p99 above 0.5 s under cosmictron.wal.fsync-stall and reports the WAL degraded", async () => {
    const before = await scrape();
    const id = await inject("cosmictron.wal.fsync-stall", { latencySeconds: 1.5 });
    clock.advance(30_000);
    const after = await scrape();
    const count = (f: Map<string, ExpositionFamily>, le: string) =>
      sum(
        f,
        "cosmictron_wal_fsync_duration_seconds",
        "cosmictron_wal_fsync_duration_seconds_bucket",
        { le },
      );
    const total = count(after, "+Inf") - count(before, "+Inf");
    const slow = total - (count(after, "0.5") - count(before, "0.5"));
    expect(total).toBeGreaterThan(100);
    expect(slow / total).toBeGreaterThan(0.99);
    expect((await detailed()).wal.status).toBe("degraded");
    expect((await detailed()).status).toBe("degraded");
    expect(await outcome(`${node0}/v1/health/ready`)).toBe(200);
    expect((await control("DELETE", `/faults/${id}`)).status).toBe(200);
    clock.advance(10_000);
    expect((await detailed()).wal).toEqual({ status: "ok", pending_segments: 0 });
  });

  it("raises the error share under cosmictron.reducer.error-burst", async () => {
    const before = await scrape();
    const id = await inject("cosmictron.reducer.error-burst", { errorRatio: 0.5 });
    clock.advance(60_000);
    const after = await scrape();
    const delta = (status: string) =>
      sum(after, "cosmictron_reducer_calls_total", "cosmictron_reducer_calls_total", { status }) -
      sum(before, "cosmictron_reducer_calls_total", "cosmictron_reducer_calls_total", { status });
    const share = delta("error") / (delta("error") + delta("ok"));
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
    await control("DELETE", `/faults/${id}`);
  });

  it("fills storage over the ramp and fails readiness above 0.95 under cosmictron.storage.fill", async () => {
    const id = await inject("cosmictron.storage.fill", { fillRatio: 0.97, rampSeconds: 60 });
    clock.advance(50_000);
    expect((await detailed()).storage.status).toBe("degraded");
    clock.advance(11_000);
    const families = await scrape();
    const ratio =
      sum(families, "cosmictron_storage_bytes_used", "cosmictron_storage_bytes_used") /
      sum(families, "cosmictron_storage_disk_total_bytes", "cosmictron_storage_disk_total_bytes");
    expect(ratio).toBeCloseTo(0.97, 3);
    expect(await outcome(`${node0}/v1/health/ready`)).toBe(503);
    expect(await detailed()).toMatchObject({ status: "unhealthy", storage: { status: "full" } });
    await control("DELETE", `/faults/${id}`);
    clock.advance(1_000);
    expect(await outcome(`${node0}/v1/health/ready`)).toBe(200);
  });

  it("counts TSA errors through the msw-answered authority under cosmictron.tsa.errors", async () => {
    const errors = async () =>
      sum(
        await scrape(),
        "cosmictron_compliance_tsa_requests_total",
        "cosmictron_compliance_tsa_requests_total",
        { status: "error" },
      );
    const start = await errors();
    const id = await inject("cosmictron.tsa.errors", { mode: "error" });
    clock.advance(30_000);
    await vi.waitFor(async () => expect(await errors()).toBeGreaterThanOrEqual(start + 2));
    await control("DELETE", `/faults/${id}`);

    // Virtual time: the unanswered request is dropped after the authority's hold (30 fleet s).
    const timeoutId = await inject("cosmictron.tsa.errors", { mode: "timeout" });
    const beforeTimeout = await errors();
    await vi.waitFor(async () => {
      clock.advance(5_000);
      expect(await errors()).toBeGreaterThan(beforeTimeout);
    });
    await control("DELETE", `/faults/${timeoutId}`);
    expect(
      logLines.filter((l) => l.includes('"TSA request failed"')).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it("crashes (connection refused) and restarts on the same port with fresh counters", async () => {
    const id = await inject("cosmictron.node.crash");
    expect(await outcome(`${node0}/metrics`)).toBe("ECONNREFUSED");
    expect((await control("GET", "/nodes")).json).toEqual([
      { id: "cosmictron-0", url: node0, state: "crashed" },
      { id: "cosmictron-1", url: host.nodes[1]?.url, state: "up" },
    ]);
    expect((await control("DELETE", `/faults/${id}`)).status).toBe(200);
    expect(await outcome(`${node0}/metrics`)).toBe(200);
    expect((await detailed()).uptime_secs).toBe(0);
    expect(sum(await scrape(), "cosmictron_wal_writes_total", "cosmictron_wal_writes_total")).toBe(
      0,
    );
    clock.advance(5_000);
    expect(
      sum(await scrape(), "cosmictron_wal_writes_total", "cosmictron_wal_writes_total"),
    ).toBeGreaterThan(0);
  });

  it("hangs (scrapes time out) and answers again after the heal", async () => {
    const id = await inject("cosmictron.node.hang");
    expect(await outcome(`${node0}/metrics`, 300)).toBe("TimeoutError");
    expect(((await control("GET", "/faults")).json as { id: string }[]).map((f) => f.id)).toEqual([
      id,
    ]);
    await control("DELETE", `/faults/${id}`);
    expect(await outcome(`${node0}/metrics`)).toBe(200);
  });

  it("rejects bad fault requests with 400 or 404 and a message saying what to do", async () => {
    expect(
      await control("POST", "/faults", {
        name: "cosmictron.wal.fsync-stall",
        params: { latencySeconds: "slow" },
      }),
    ).toEqual({
      status: 400,
      json: {
        error:
          'Failed to inject fault "cosmictron.wal.fsync-stall": param "latencySeconds" must be a number from 0.001 to 60, got "slow". Fix the params and retry.',
      },
    });
    expect(await control("POST", "/faults", { name: "cosmictron.disk.melt" })).toEqual({
      status: 400,
      json: {
        error:
          'Failed to inject fault: unknown fault "cosmictron.disk.melt". Use one of: cosmictron.wal.fsync-stall, cosmictron.wal.slow-fsync, cosmictron.reducer.error-burst, cosmictron.storage.fill, cosmictron.tsa.errors, cosmictron.node.crash, cosmictron.node.hang.',
      },
    });
    expect((await control("DELETE", "/faults/f999")).status).toBe(404);
    const catalog = (await control("GET", "/faults/catalog")).json as {
      name: string;
      params: { name: string; type: string; default: unknown }[];
    }[];
    expect(
      catalog
        .find((f) => f.name === "cosmictron.storage.fill")
        ?.params.map((p) => [p.name, p.type, p.default]),
    ).toEqual([
      ["fillRatio", "number", 0.92],
      ["rampSeconds", "number", 60],
    ]);
    expect((await control("GET", "/healthz")).status).toBe(200);
  });

  it("exports spans over OTLP and writes JSON logs", async () => {
    await host.flushSpans();
    expect(otlpRequests.length).toBeGreaterThan(0);
    expect(otlpRequests[0]).toBe("POST /v1/traces application/x-protobuf");
    const first = JSON.parse(logLines[0] ?? "{}");
    expect(first).toMatchObject({
      level: "INFO",
      target: "cosmictron_core",
      fields: { message: "Cosmictron starting" },
    });
  });

  it("takes the log filter from COSMICTRON_LOG over the config, and rejects a bad one", async () => {
    const error = await startSimHost(
      {
        system: "cosmictron",
        seed: 1,
        nodes: [{ id: "c-0", port: 0 }],
        controlPort: 0,
        logFilter: "info",
      },
      { clock, logStream: new PassThrough(), env: { COSMICTRON_LOG: "debug,cosmictron_wal=loud" } },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SimConfigError);
    expect((error as SimConfigError).message).toBe(
      'Invalid COSMICTRON_LOG: Failed to parse log filter directive "cosmictron_wal=loud": unknown level "loud" (expected trace, debug, info, warn, error or off). Use the Rust EnvFilter form, e.g. "info,cosmictron_wal=trace".',
    );
  });
});
