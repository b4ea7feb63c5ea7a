import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock.ts";
import { EnvFilter } from "../core/env-filter.ts";
import { Logger } from "../core/logger.ts";
import { readCatalogue } from "../core/read-catalogue.ts";
import { expectCatalogueMetrics } from "../test-support/expect-catalogue-metrics.ts";
import { parseExposition } from "../test-support/parse-exposition.ts";
import { reactorTestNode } from "./reactor-test-node.ts";

const catalogue = readCatalogue("reactor");

const TOKEN = "test-admin-token";
const clock = new VirtualClock(Date.UTC(2026, 4, 29, 12));
const stream = new PassThrough();
const lines: string[] = [];
stream.on("data", (c: Buffer) => lines.push(...c.toString().split("\n").filter(Boolean)));
const node = reactorTestNode({
  clock,
  seed: 7,
  logger: new Logger({ clock, filter: EnvFilter.parse("info"), format: "json", stream }).forNode(
    "reactor-0",
  ),
  adminToken: TOKEN,
});

beforeAll(async () => {
  await node.start();
  clock.advance(120_000);
});
afterAll(() => node.close());

const auth = { authorization: `Bearer ${TOKEN}` };

describe("GET /metrics", () => {
  it("exposes exactly the catalogue's metrics, types, help and labels", async () => {
    const res = await fetch(`${node.url}/metrics`);
    expect(res.status).toBe(200);
    const families = parseExposition(await res.text());
    expectCatalogueMetrics(families, catalogue.metrics);
  });
});

/** The six capabilities, each with the same value. */
function everyCapability<V>(value: V): Record<string, V> {
  return { auth: value, data: value, storage: value, functions: value, jobs: value, sites: value };
}

describe("GET /health", () => {
  it("answers 200 with every capability ok, and 503 naming a failing one until healed", async () => {
    const ok = await fetch(`${node.url}/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok", capabilities: everyCapability("ok") });
    const heal = node.failCapability("jobs");
    const failing = await fetch(`${node.url}/health`);
    expect(failing.status).toBe(503);
    expect(await failing.json()).toEqual({
      status: "error",
      capabilities: { ...everyCapability("ok"), jobs: "error" },
    });
    await heal();
    expect((await fetch(`${node.url}/health`)).status).toBe(200);
  });
});

describe("admin endpoints", () => {
  for (const path of ["/_admin/doctor", "/_admin/logs", "/_admin/version"]) {
    it(`${path} answers 401 without a token or with a wrong one, and leaks nothing`, async () => {
      const attempts: Record<string, string>[] = [
        {},
        { authorization: "Bearer wrong" },
        { authorization: TOKEN },
      ];
      for (const headers of attempts) {
        const res = await fetch(`${node.url}${path}`, { headers });
        expect(res.status).toBe(401);
        expect(res.headers.get("www-authenticate")).toBe('Bearer realm="reactor"');
        expect(await res.text()).toBe('{"error":"unauthorized"}\n');
      }
    });
  }

  it("/_admin/version answers the documented shape", async () => {
    const res = await fetch(`${node.url}/_admin/version`, { headers: auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ reactor: "0.1.0", capabilities: everyCapability("0.1.0") });
  });

  it("/_admin/doctor answers per-capability probes, and the db_ping fails while slow queries exhaust the pool", async () => {
    const res = await fetch(`${node.url}/_admin/doctor`, { headers: auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      auth: { status: "ok", checks: [{ name: "db_ping", status: "ok" }] },
      data: { status: "ok", checks: [{ name: "migrations", status: "ok" }] },
      storage: { status: "ok", checks: [{ name: "fs_writable", status: "ok" }] },
      functions: { status: "ok", checks: [{ name: "wasmtime", status: "ok" }] },
      jobs: { status: "ok", checks: [{ name: "queue", status: "ok" }] },
      sites: { status: "ok", checks: [{ name: "assets_dir", status: "ok" }] },
    });
    const heal = node.slowDbQueries(10);
    clock.advance(30_000);
    const body = (await (await fetch(`${node.url}/_admin/doctor`, { headers: auth })).json()) as {
      auth: unknown;
    };
    await heal();
    expect(body.auth).toEqual({
      status: "error",
      checks: [
        {
          name: "db_ping",
          status: "error",
          message: expect.stringMatching(
            /^timed out acquiring a connection \(pool of \d+ exhausted\)$/,
          ),
        },
      ],
    });
  });
});

describe("X-Request-Id", () => {
  it("echoes an incoming id and generates one otherwise, on every kind of response", async () => {
    for (const path of ["/metrics", "/health", "/_admin/version", "/nowhere", "/data/v1/users"]) {
      const echoed = await fetch(`${node.url}${path}`, { headers: { "x-request-id": "req-42" } });
      expect(echoed.headers.get("x-request-id"), path).toBe("req-42");
      const generated = await fetch(`${node.url}${path}`);
      expect(generated.headers.get("x-request-id"), path).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
    }
  });
});

describe("logs", () => {
  it("writes JSON lines in the documented shape, with target reactor_<capability>", () => {
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const request = parsed.find(
      (l) => (l.fields as { message?: string }).message === "request completed",
    );
    expect(request).toBeDefined();
    expect(Object.keys(request ?? {}).sort()).toEqual([
      "fields",
      "level",
      "node",
      "target",
      "timestamp",
    ]);
    expect(request?.level).toBe("INFO");
    expect(request?.target).toMatch(/^reactor_(auth|data|storage|functions|jobs|sites)$/);
    expect(request?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const fields = request?.fields as Record<string, unknown>;
    expect(Object.keys(fields).sort()).toEqual([
      "duration_ms",
      "message",
      "method",
      "path",
      "status",
    ]);
    expect(typeof fields.status).toBe("number");
    expect(typeof fields.duration_ms).toBe("number");
    expect(fields.path).toMatch(new RegExp(`^/${String(request?.target).slice(8)}/`));
  });
});
