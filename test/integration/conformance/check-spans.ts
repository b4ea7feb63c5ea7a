import { expect } from "vitest";
import type { OtlpSink, ReceivedSpan } from "../../../harness/observe/otlp-sink.ts";

/** The documented spans arrived through the Collector, with their attributes and parents. */
export function checkSpans(otlp: OtlpSink): void {
  const byId = new Map(otlp.spans.map((s) => [s.spanId, s]));
  const reducer = otlp.spans.find((s) => s.name.startsWith("reducer"));
  expect(reducer, "a Cosmictron reducer span").toBeDefined();
  expect(reducer!.attributes["db.system"]).toBe("cosmictron");
  for (const key of [
    "cosmictron.reducer",
    "cosmictron.module",
    "cosmictron.identity",
    "cosmictron.tx_id",
  ]) {
    expect(reducer!.attributes[key], key).toBeDefined();
  }
  // Cognitora: engine.forward ← agent.generate ← router.pick ← gateway.chat|embed, one trace.
  const engine = otlp.spans.find(
    (s) => s.name === "engine.forward" && byId.get(s.parentSpanId)?.name === "agent.generate",
  );
  expect(engine, "an engine.forward span whose parent arrived").toBeDefined();
  const agent = byId.get(engine!.parentSpanId)!;
  const router = byId.get(agent.parentSpanId);
  expect(router?.name).toBe("router.pick");
  const gateway = byId.get(router!.parentSpanId) as ReceivedSpan;
  expect(gateway?.name).toMatch(/^gateway\.(chat|embed)$/);
  expect(gateway.parentSpanId).toBe("");
  for (const span of [engine!, agent, router!, gateway]) expect(span.traceId).toBe(gateway.traceId);
  for (const key of ["model", "subject", "prompt_tokens", "cache_hit"]) {
    expect(gateway.attributes[key], `gateway.${key}`).toBeDefined();
  }
  for (const key of ["score", "node_id", "kv_overlap", "load", "power"]) {
    expect(router!.attributes[key], `router.pick ${key}`).toBeDefined();
  }
}
