import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { fileFixture } from "../test-support/file-fixture.ts";
import { COGNITORA_LOG_FIELDS } from "./cognitora-log-fields.ts";
import { CognitoraTestFleet } from "./cognitora-test-fleet.ts";

const fleet = fileFixture(() => CognitoraTestFleet.start());

describe("Cognitora fleet (virtual clock): traces and logs", () => {
  it("traces gateway → router.pick → agent.generate → engine.forward with the documented attributes", async () => {
    // Spans of earlier seconds may still sit in a node's batch; only whole traces from here on.
    await Promise.all(fleet().nodes.map((n) => n.flushSpans()));
    fleet().exporter.reset();
    await fleet().advance(10);
    await Promise.all(fleet().nodes.map((n) => n.flushSpans()));
    const spans = fleet().exporter.getFinishedSpans();
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
    const routed = fleet().logLines.filter((l) => l.message === "request completed");
    expect(routed.length).toBeGreaterThan(50);
    const line = routed[0] ?? {};
    for (const field of COGNITORA_LOG_FIELDS) {
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
    const agent = fleet().logLines.find(
      (l) => l.message === "generation finished" && l.request_id === line.request_id,
    );
    expect(agent).toMatchObject({
      service: "cgn-agent",
      subject: line.subject,
      target: "cgn_agent::generate",
    });
  });
});
