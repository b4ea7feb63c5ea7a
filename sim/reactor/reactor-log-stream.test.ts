import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock.ts";
import { quietLogger } from "../test-support/quiet-logger.ts";
import type { ReactorLogEntry } from "./reactor-log.ts";
import { reactorTestNode } from "./reactor-test-node.ts";

const TOKEN = "sse-token";
const start = Date.UTC(2026, 4, 29, 12);
const clock = new VirtualClock(start);
const node = reactorTestNode({
  clock,
  seed: "sse",
  logger: quietLogger(clock, "info"),
  adminToken: TOKEN,
});

beforeAll(async () => {
  await node.start();
  clock.advance(120_000);
});
afterAll(() => node.close());

/** Opens /_admin/logs with a query. */
function open(query: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${node.url}/_admin/logs?${query}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
    signal,
  });
}

/** The JSON lines of an SSE body (`data: <json>` events; comments ignored). */
function events(text: string): ReactorLogEntry[] {
  return text
    .split("\n\n")
    .filter((e) => e.startsWith("data: "))
    .map((e) => JSON.parse(e.slice("data: ".length)) as ReactorLogEntry);
}

describe("GET /_admin/logs", () => {
  it("without follow, sends the buffered lines as SSE events in the documented shape and ends", async () => {
    const res = await open("");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const all = events(await res.text());
    expect(all.length).toBeGreaterThan(100);
    const request = all.find((e) => e.fields.message === "request completed");
    expect(Object.keys(request ?? {})).toEqual(["timestamp", "level", "target", "fields"]);
    expect(Object.keys(request?.fields ?? {})).toEqual([
      "message",
      "method",
      "path",
      "status",
      "duration_ms",
    ]);
  });

  it("filters by capability, given as the capability or its tracing target", async () => {
    for (const query of ["capability=data", "capability=reactor_data"]) {
      const lines = events(await (await open(query)).text());
      expect(lines.length).toBeGreaterThan(10);
      expect(new Set(lines.map((l) => l.target))).toEqual(new Set(["reactor_data"]));
    }
  });

  it("filters by since, as a fleet-time duration or an RFC 3339 time", async () => {
    const now = clock.now();
    const recent = events(await (await open("since=30s")).text());
    expect(recent.length).toBeGreaterThan(5);
    expect(Math.min(...recent.map((l) => Date.parse(l.timestamp)))).toBeGreaterThanOrEqual(
      now - 30_000,
    );
    const all = events(await (await open("")).text());
    expect(recent.length).toBeLessThan(all.length);
    const from = new Date(now - 10_000).toISOString();
    const tail = events(await (await open(`since=${from}&capability=jobs`)).text());
    expect(tail.every((l) => Date.parse(l.timestamp) >= now - 10_000)).toBe(true);
    expect(events(await (await open("since=2099-01-01T00:00:00Z")).text())).toEqual([]);
  });

  it("rejects a bad since or capability with 400 and what to send", async () => {
    const since = await open("since=yesterday");
    expect(since.status).toBe(400);
    expect(await since.json()).toEqual({
      error:
        'Failed to stream logs: since "yesterday" is neither an RFC 3339 time nor a duration. Use e.g. since=2026-05-29T00:00:00Z or since=1h.',
    });
    const capability = await open("capability=billing");
    expect(capability.status).toBe(400);
    expect(await capability.json()).toEqual({
      error:
        'Failed to stream logs: unknown capability "billing". Use one of auth, data, storage, functions, jobs, sites.',
    });
  });

  it("with follow, keeps the connection open and pushes new lines as they are logged", async () => {
    const abort = new AbortController();
    const res = await open(
      `follow=1&capability=data&since=${new Date(clock.now()).toISOString()}`,
      abort.signal,
    );
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const first = decoder.decode((await reader.read()).value);
    expect(first).toContain(": following");
    const before = clock.now();
    let text = "";
    clock.advance(10_000);
    while (events(text).length === 0) {
      const chunk = await reader.read();
      expect(chunk.done).toBe(false);
      text += decoder.decode(chunk.value);
    }
    const pushed = events(text);
    expect(pushed[0]?.target).toBe("reactor_data");
    expect(Date.parse(pushed[0]?.timestamp ?? "")).toBeGreaterThan(before);
    abort.abort();
    await reader.cancel().catch(() => undefined);
  });
});
