import { afterEach, describe, expect, it } from "vitest";
import { OtlpSink } from "../test-support/otlp-sink.ts";
import { NodeTracing } from "./node-tracing.ts";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A stand-in OTLP/HTTP receiver, closed after the test. */
async function otlpSink(): Promise<OtlpSink> {
  const sink = await OtlpSink.start();
  closers.push(() => sink.close());
  return sink;
}

/** A Cosmictron node's tracer provider (exporting to `otlpEndpoint`), shut down after the test. */
function tracing(instanceId: string, otlpEndpoint?: string): NodeTracing {
  const provider = new NodeTracing({ serviceName: "cosmictron", instanceId, otlpEndpoint });
  closers.push(() => provider.shutdown());
  return provider;
}

describe("NodeTracing", () => {
  it("exports spans as OTLP protobuf to <endpoint>/v1/traces on flush", async () => {
    const sink = await otlpSink();
    const node = tracing("cosmictron-0", sink.url);
    const start = Date.UTC(2025, 0, 1);
    node.tracer.startSpan("reducer send_message", { startTime: start }).end(start + 4);
    await node.forceFlush();
    expect(sink.requests).toHaveLength(1);
    expect(sink.requests[0]).toMatchObject({
      path: "/v1/traces",
      contentType: "application/x-protobuf",
    });
    expect(sink.requests[0]?.bytes).toBeGreaterThan(50);
  });

  it("keeps two nodes' providers apart (no global provider)", async () => {
    const sink = await otlpSink();
    const a = tracing("a", sink.url);
    const b = tracing("b");
    b.tracer.startSpan("query").end();
    await b.forceFlush();
    await a.forceFlush();
    expect(sink.requests).toHaveLength(0);
    expect(b.exporting).toBe(false);
  });
});
