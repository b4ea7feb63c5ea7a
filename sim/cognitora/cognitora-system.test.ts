import { PassThrough } from "node:stream";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock.ts";
import { EnvFilter } from "../core/env-filter.ts";
import { SimConfigError } from "../core/errors.ts";
import { Logger } from "../core/logger.ts";
import { createCognitoraSystem } from "./cognitora-system.ts";
import { cognitoraTopology } from "./cognitora-topology.ts";

/** Runs a one-router fleet for `seconds` of fleet time; returns its spans and log lines. */
async function run(
  env: Record<string, string>,
  seconds: number,
  filter = "info",
): Promise<{
  spans: ReturnType<InMemorySpanExporter["getFinishedSpans"]>;
  logs: Record<string, unknown>[];
}> {
  const clock = new VirtualClock(Date.UTC(2025, 0, 1));
  const exporter = new InMemorySpanExporter();
  const logs: Record<string, unknown>[] = [];
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) logs.push(JSON.parse(line));
  });
  const logger = new Logger({ clock, filter: EnvFilter.parse(filter), format: "json", stream });
  const system = await createCognitoraSystem({ spanExporter: exporter }).start({
    seed: 11,
    clock,
    logger,
    otlpEndpoint: undefined,
    env,
  });
  const nodes = ["cgn-router-0", "cgn-agent-0", "cgn-kvcached-0"].map((id) =>
    system.createNode({ id, port: 0 }),
  );
  try {
    for (const n of nodes) await n.start();
    for (let s = 0; s < seconds; s += 5) {
      clock.advance(5_000);
      await Promise.all(nodes.map((n) => n.idle()));
    }
    await Promise.all(nodes.map((n) => n.flushSpans()));
    return { spans: exporter.getFinishedSpans(), logs };
  } finally {
    for (const n of nodes) await n.close();
    await system.close();
  }
}

/** Sampled root spans per request the router answered. */
function sampledShare(result: Awaited<ReturnType<typeof run>>): {
  share: number;
  requests: number;
} {
  const roots = result.spans.filter((s) => s.name.startsWith("gateway.")).length;
  const requests = result.logs.filter((l) => l.message === "request completed").length;
  return { share: roots / requests, requests };
}

describe("Cognitora tracing and logging settings", () => {
  it("samples 1% of new traces by default and OTEL_TRACES_SAMPLER_ARG otherwise, children following their parent", async () => {
    const byDefault = sampledShare(await run({}, 300));
    expect(byDefault.requests).toBeGreaterThan(300);
    expect(byDefault.share).toBeLessThan(0.04);
    const tenth = await run({ OTEL_TRACES_SAMPLER_ARG: "0.1" }, 300);
    const { share } = sampledShare(tenth);
    expect(share).toBeGreaterThan(0.04);
    expect(share).toBeLessThan(0.2);
    const sampledTraces = new Set(
      tenth.spans.filter((s) => s.name.startsWith("gateway.")).map((s) => s.spanContext().traceId),
    );
    const children = tenth.spans.filter((s) => !s.name.startsWith("gateway."));
    expect(children.length).toBeGreaterThan(0);
    for (const child of children) expect(sampledTraces).toContain(child.spanContext().traceId);
    expect((await run({ OTEL_TRACES_SAMPLER_ARG: "0" }, 30)).spans).toEqual([]);
  });

  it("refuses an OTEL_TRACES_SAMPLER_ARG that is not a ratio", async () => {
    await expect(run({ OTEL_TRACES_SAMPLER_ARG: "ten" }, 0)).rejects.toThrow(
      new SimConfigError(
        'Failed to configure tracing: OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, got "ten". Fix or unset it.',
        { file: "OTEL_TRACES_SAMPLER_ARG", field: "OTEL_TRACES_SAMPLER_ARG" },
      ),
    );
  });

  it("honours COGNITORA__LOG_LEVEL unless RUST_LOG is set", async () => {
    const debugLines = (logs: Record<string, unknown>[]) =>
      logs.filter((l) => l.level === "DEBUG").length;
    expect(debugLines((await run({}, 20)).logs)).toBe(0);
    expect(debugLines((await run({ COGNITORA__LOG_LEVEL: "debug" }, 20)).logs)).toBeGreaterThan(0);
    // The host applies RUST_LOG (the system's logFilterEnv) to the logger it passes in.
    const rustLog = await run({ RUST_LOG: "info", COGNITORA__LOG_LEVEL: "debug" }, 20, "info");
    expect(debugLines(rustLog.logs)).toBe(0);
    await expect(run({ COGNITORA__LOG_LEVEL: "cgn_router=debug" }, 0)).rejects.toThrow(
      'Failed to configure logging: COGNITORA__LOG_LEVEL must be one level (trace, debug, info, warn, error or off), got "cgn_router=debug". Fix or unset it.',
    );
  });
});

describe("cognitoraTopology", () => {
  it("names the nodes by role and scrapes cgn-metrics' union alone, keeping its node and service", () => {
    const nodes = cognitoraTopology.nodes({ routers: 1, agents: 2, kvcached: 1 });
    expect(nodes).toEqual([
      { id: "cgn-router-0", role: "cgn-router" },
      { id: "cgn-agent-0", role: "cgn-agent" },
      { id: "cgn-agent-1", role: "cgn-agent" },
      { id: "cgn-kvcached-0", role: "cgn-kvcached" },
      { id: "cgn-metrics-0", role: "cgn-metrics" },
    ]);
    const placed = nodes.map((n, i) => ({ ...n, address: `127.0.0.1:${41001 + i}` }));
    expect(cognitoraTopology.scrapeJobs(placed)).toEqual([
      {
        job: "cognitora",
        honorLabels: true,
        targets: [
          { address: "127.0.0.1:41005", labels: { node: "cgn-metrics-0", service: "cgn-metrics" } },
        ],
      },
    ]);
  });
});
