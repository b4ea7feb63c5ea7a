import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { NodeTracing } from "./node-tracing.ts";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A stand-in OTLP/HTTP receiver that records each request's path, content type and size. */
async function otlpSink() {
  const requests: { path: string; contentType: string; bytes: number }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({
        path: req.url ?? "",
        contentType: req.headers["content-type"] ?? "",
        bytes: Buffer.concat(chunks).length,
      });
      res.writeHead(200, { "content-type": "application/x-protobuf" });
      res.end();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  closers.push(async () => {
    server.closeAllConnections();
    server.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

describe("NodeTracing", () => {
  it("exports spans as OTLP protobuf to <endpoint>/v1/traces on flush", async () => {
    const sink = await otlpSink();
    const tracing = new NodeTracing({
      serviceName: "cosmictron",
      instanceId: "cosmictron-0",
      otlpEndpoint: sink.url,
    });
    closers.push(() => tracing.shutdown());
    const start = Date.UTC(2025, 0, 1);
    tracing.tracer.startSpan("reducer send_message", { startTime: start }).end(start + 4);
    await tracing.forceFlush();
    expect(sink.requests).toHaveLength(1);
    expect(sink.requests[0]).toMatchObject({
      path: "/v1/traces",
      contentType: "application/x-protobuf",
    });
    expect(sink.requests[0]?.bytes).toBeGreaterThan(50);
  });

  it("keeps two nodes' providers apart (no global provider)", async () => {
    const sink = await otlpSink();
    const a = new NodeTracing({
      serviceName: "cosmictron",
      instanceId: "a",
      otlpEndpoint: sink.url,
    });
    const b = new NodeTracing({ serviceName: "cosmictron", instanceId: "b" });
    closers.push(
      () => a.shutdown(),
      () => b.shutdown(),
    );
    b.tracer.startSpan("query").end();
    await b.forceFlush();
    await a.forceFlush();
    expect(sink.requests).toHaveLength(0);
    expect(b.exporting).toBe(false);
  });
});
