import { PassThrough } from "node:stream";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock.ts";
import { EnvFilter } from "../core/env-filter.ts";
import { FaultRegistry } from "../core/fault-registry.ts";
import { Logger } from "../core/logger.ts";
import { readCatalogue } from "../core/read-catalogue.ts";
import type { SystemHost } from "../core/system-definition.ts";
import { type ExpositionFamily, parseExposition } from "../test-support/parse-exposition.ts";
import type { AgentBinary } from "./agent-binary.ts";
import type { CognitoraNode } from "./cognitora-node.ts";
import { createCognitoraSystem } from "./cognitora-system.ts";
import { cognitoraTopology } from "./cognitora-topology.ts";

const catalogue = readCatalogue("cognitora");

const clock = new VirtualClock(Date.UTC(2025, 0, 1));
const exporter = new InMemorySpanExporter();
const logLines: Record<string, unknown>[] = [];
let system: SystemHost<CognitoraNode>;
let nodes: CognitoraNode[];
let faults: FaultRegistry<CognitoraNode>;

/** The node with this id. */
function node(id: string): CognitoraNode {
  const found = nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

/** Moves fleet time on in 5 s steps, letting every request of a step finish before the next. */
async function advance(seconds: number): Promise<void> {
  for (let s = 0; s < seconds; s += 5) {
    clock.advance(5_000);
    await Promise.all(nodes.map((n) => n.idle()));
  }
}

/** Scrapes a path of a node and parses it. */
async function scrape(id: string, path = "/metrics"): Promise<Map<string, ExpositionFamily>> {
  const res = await fetch(`${node(id).url}${path}`);
  expect(res.status).toBe(200);
  return parseExposition(await res.text());
}

/** Sums the samples named `sample` whose labels include `labels`. */
function sum(
  families: Map<string, ExpositionFamily>,
  sample: string,
  labels: Record<string, string> = {},
): number {
  const family = sample.replace(/_(bucket|sum|count)$/, "");
  return (families.get(family)?.samples ?? families.get(sample)?.samples ?? [])
    .filter((s) => s.name === sample && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((total, s) => total + s.value, 0);
}

/** The value of one gauge sample. */
function gauge(
  families: Map<string, ExpositionFamily>,
  name: string,
  labels: Record<string, string>,
): number {
  const sample = families
    .get(name)
    ?.samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (!sample) throw new Error(`no sample ${name} ${JSON.stringify(labels)}`);
  return sample.value;
}

/** Bucket deltas of the router TTFT histogram between two scrapes, summed over routers. */
async function routerTtft(run: () => Promise<void>): Promise<{ total: number; slow: number }> {
  const routers = ["cgn-router-0", "cgn-router-1"];
  const count = async (le: string) => {
    let total = 0;
    for (const r of routers)
      total += sum(await scrape(r), "cgn_router_ttft_seconds_bucket", { model: chatModel(), le });
    return total;
  };
  const [allBefore, fastBefore] = [await count("+Inf"), await count("2")];
  await run();
  const total = (await count("+Inf")) - allBefore;
  return { total, slow: total - ((await count("2")) - fastBefore) };
}

/** The chat model, as cgn-agent-0 (an even agent) serves it. */
function chatModel(): string {
  return (node("cgn-agent-0").binary as AgentBinary).model;
}

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean))
      logLines.push(JSON.parse(line));
  });
  const logger = new Logger({ clock, filter: EnvFilter.parse("info"), format: "json", stream });
  system = await createCognitoraSystem({ spanExporter: exporter }).start({
    seed: 7,
    clock,
    logger,
    otlpEndpoint: undefined,
    env: { OTEL_TRACES_SAMPLER_ARG: "1" },
  });
  nodes = cognitoraTopology
    .nodes({ routers: 2, agents: 3, kvcached: 1 })
    .map((n) => system.createNode({ id: n.id, port: 0, ...(n.role && { role: n.role }) }));
  faults = new FaultRegistry({ definitions: system.faults, nodes, clock });
  for (const n of nodes) await n.start();
  await advance(60);
});

afterAll(async () => {
  for (const n of nodes ?? []) await n.close();
  await system?.close();
});

describe("Cognitora fleet (virtual clock)", () => {
  it("exposes exactly the catalogue's metrics of each binary, with types, help, labels and values", async () => {
    for (const n of nodes) {
      const path = n.role === "cgn-metrics" ? "/metrics/power" : "/metrics";
      const families = await scrape(n.id, path);
      const expected = catalogue.metrics.filter((m) => m.binary === n.role);
      expect([...families.keys()].sort(), n.id).toEqual(expected.map((m) => m.name).sort());
      for (const metric of expected) {
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
    }
  });

  it("federates every host's series on cgn-metrics' /metrics, labelled with node and service, plus the power gauges", async () => {
    const union = await scrape("cgn-metrics-0");
    expect([...union.keys()].sort()).toEqual(catalogue.metrics.map((m) => m.name).sort());
    for (const metric of catalogue.metrics.filter((m) => m.binary !== "cgn-metrics")) {
      const samples = union.get(metric.name)?.samples ?? [];
      const sources = new Set(samples.map((s) => `${s.labels.node}/${s.labels.service}`));
      const hosts = nodes.filter((n) => n.role === metric.binary).map((n) => `${n.id}/${n.role}`);
      expect([...sources].sort(), metric.name).toEqual(hosts.sort());
    }
    const direct = await scrape("cgn-agent-1");
    expect(gauge(union, "cgn_agent_engine_ready", { node: "cgn-agent-1" })).toBe(
      gauge(direct, "cgn_agent_engine_ready", {}),
    );
    const power = union.get("cgn_power_watts")?.samples ?? [];
    expect(new Set(power.map((s) => s.labels.host))).toEqual(new Set(nodes.map((n) => n.id)));
    expect(
      power.filter((s) => s.labels.host === "cgn-agent-0").map((s) => s.labels.component),
    ).toContain("gpu1");
  });

  it("stays clear of every alert threshold without faults", async () => {
    const { total, slow } = await routerTtft(() => advance(60));
    expect(total).toBeGreaterThan(300);
    expect(slow / total).toBeLessThan(0.005);
    for (const r of ["cgn-router-0", "cgn-router-1"]) {
      const families = await scrape(r);
      expect(sum(families, "cgn_router_admission_rejected_total")).toBe(0);
      for (const s of families.get("cgn_router_cache_hit_ratio")?.samples ?? []) {
        expect(s.value).toBeGreaterThan(0.45);
      }
      expect(sum(families, "cgn_router_requests_total", { outcome: "ok" })).toBeGreaterThan(500);
    }
    for (const a of ["cgn-agent-0", "cgn-agent-1", "cgn-agent-2"]) {
      expect(sum(await scrape(a), "cgn_agent_engine_ready")).toBe(1);
    }
  });

  it("drops cgn_agent_engine_ready to 0 under cognitora.engine.not-ready and back after the heal", async () => {
    const fault = await faults.inject({
      name: "cognitora.engine.not-ready",
      target: "cgn-agent-0",
    });
    await advance(10);
    expect(sum(await scrape("cgn-agent-0"), "cgn_agent_engine_ready")).toBe(0);
    expect(sum(await scrape("cgn-agent-2"), "cgn_agent_engine_ready")).toBe(1);
    await faults.heal(fault.id);
    await advance(10);
    expect(sum(await scrape("cgn-agent-0"), "cgn_agent_engine_ready")).toBe(1);
  });

  it("refuses requests as queue_full under cognitora.admission.queue-full, and stops after the heal", async () => {
    const rejected = async () =>
      sum(await scrape("cgn-router-0"), "cgn_router_admission_rejected_total", {
        reason: "queue_full",
      });
    const fault = await faults.inject({
      name: "cognitora.admission.queue-full",
      target: "cgn-router-0",
    });
    const before = await rejected();
    await advance(30);
    expect((await rejected()) - before).toBeGreaterThan(10);
    expect(
      gauge(await scrape("cgn-router-0"), "cgn_router_admission_inflight", {
        model: chatModel(),
        role: "prefill",
      }),
    ).toBe(128);
    expect(
      sum(await scrape("cgn-router-1"), "cgn_router_admission_rejected_total", {
        reason: "queue_full",
      }),
    ).toBe(0);
    await faults.heal(fault.id);
    await advance(5);
    const after = await rejected();
    await advance(30);
    expect(await rejected()).toBe(after);
  });

  it("pushes the chat model's TTFT p99 above 2 s under cognitora.ttft.degrade, and back after the heal", async () => {
    const fault = await faults.inject({
      name: "cognitora.ttft.degrade",
      target: "cgn-agent-0",
      params: { latencySeconds: 4 },
    });
    const degraded = await routerTtft(() => advance(60));
    expect(degraded.slow / degraded.total).toBeGreaterThan(0.05);
    await faults.heal(fault.id);
    await advance(10);
    const healed = await routerTtft(() => advance(60));
    expect(healed.slow / healed.total).toBeLessThan(0.01);
  });

  it("drops cgn_router_cache_hit_ratio below 0.30 under cognitora.cache.collapse, and back after the heal", async () => {
    const ratio = async () =>
      gauge(await scrape("cgn-router-0"), "cgn_router_cache_hit_ratio", { model: chatModel() });
    expect(await ratio()).toBeGreaterThan(0.45);
    const fault = await faults.inject({ name: "cognitora.cache.collapse" });
    expect(fault.nodes).toEqual(["cgn-kvcached-0"]);
    await advance(70);
    expect(await ratio()).toBeLessThan(0.2);
    expect(
      sum(await scrape("cgn-kvcached-0"), "cgn_kvcached_blocks", { tier: "cpu" }),
    ).toBeLessThan(5_000);
    await faults.heal(fault.id);
    await advance(70);
    expect(await ratio()).toBeGreaterThan(0.45);
  });

  it("refuses a fault aimed at a node of another role", async () => {
    await expect(
      faults.inject({ name: "cognitora.engine.not-ready", target: "cgn-router-0" }),
    ).rejects.toThrow(
      'Failed to inject fault: node "cgn-router-0" is a cgn-router, and "cognitora.engine.not-ready" acts on cgn-agent nodes only. Target a cgn-agent node, or omit the target for all of them.',
    );
  });

  it("traces gateway → router.pick → agent.generate → engine.forward with the documented attributes", async () => {
    // Spans of earlier seconds may still sit in a node's batch; only whole traces from here on.
    await Promise.all(nodes.map((n) => n.flushSpans()));
    exporter.reset();
    await advance(10);
    await Promise.all(nodes.map((n) => n.flushSpans()));
    const spans = exporter.getFinishedSpans();
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const parent = (s: ReadableSpan) => byId.get(s.parentSpanContext?.spanId ?? "");
    const engine = spans.filter((s) => s.name === "engine.forward");
    expect(engine.length).toBeGreaterThan(5);
    for (const forward of engine) {
      const generate = parent(forward);
      const pick = generate && parent(generate);
      const root = pick && parent(pick);
      expect([generate?.name, pick?.name], forward.spanContext().traceId).toEqual([
        "agent.generate",
        "router.pick",
      ]);
      expect(["gateway.chat", "gateway.embed"]).toContain(root?.name);
      expect(root?.parentSpanContext).toBeUndefined();
      expect(
        new Set([forward, generate, pick, root].map((s) => s?.spanContext().traceId)).size,
      ).toBe(1);
      expect(Object.keys(root?.attributes ?? {})).toEqual(
        expect.arrayContaining(["model", "subject", "prompt_tokens", "cache_hit"]),
      );
      expect(Object.keys(pick?.attributes ?? {})).toEqual(
        expect.arrayContaining(["score", "node_id", "kv_overlap", "load", "power"]),
      );
      expect(generate?.resource.attributes["service.name"]).toBe("cgn-agent");
      expect(pick?.resource.attributes["service.name"]).toBe("cgn-router");
      expect(root?.startTime[0] ?? 0).toBeLessThanOrEqual(pick?.startTime[0] ?? 0);
    }
  });

  it("logs every documented field, with the same request_id on the router and the agent", () => {
    const routed = logLines.filter((l) => l.message === "request completed");
    expect(routed.length).toBeGreaterThan(50);
    const line = routed[0] ?? {};
    for (const field of [
      "timestamp",
      "level",
      "service",
      "version",
      "node_id",
      "request_id",
      "subject",
      "target",
      "message",
    ]) {
      expect(line, field).toHaveProperty(field);
    }
    expect(line.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(line).toMatchObject({
      level: "INFO",
      service: "cgn-router",
      version: "0.14.2",
      target: "cgn_router::pick",
    });
    expect(line.node_id).toMatch(/^[0-9a-f]{12}$/);
    expect(line.subject).toMatch(/^(key:ak_[a-z0-9]+|oidc:[0-9a-f-]{36})$/);
    const agent = logLines.find(
      (l) => l.message === "generation finished" && l.request_id === line.request_id,
    );
    expect(agent).toMatchObject({
      service: "cgn-agent",
      subject: line.subject,
      target: "cgn_agent::generate",
    });
  });
});
