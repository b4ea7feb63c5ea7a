import type { Span } from "@opentelemetry/api";
import type { BinaryContext } from "./cognitora-binary.ts";
import type { DirectoryEntry } from "./cognitora-directory.ts";
import { fetchNode } from "./node-fetch.ts";
import type { RequestScope } from "./service-log.ts";
import { traceContext } from "./trace-context.ts";

const AGENT_TIMEOUT_MS = 30_000;

/** What an agent answered. */
export type AgentAnswer =
  | { ok: true; ttftMs: number; durationMs: number; endMs: number }
  | { ok: false; unready: boolean; reason: string };

/** What a router knows of each agent by id: requests it has in flight there, its last TTFT (s). */
export interface AgentStats {
  readonly load: Map<string, number>;
  readonly ttft: Map<string, number>;
}

/**
 * Sends a request to one agent with the router.pick span as parent, counting it in the agent's
 * load while it runs and keeping the TTFT it answered.
 */
export async function forwardToAgent(
  ctx: BinaryContext,
  stats: AgentStats,
  agent: DirectoryEntry,
  span: Span,
  request: {
    model: string;
    weight: number;
    promptTokens: number;
    cachedTokens: number;
    scope: RequestScope;
    startMs: number;
  },
): Promise<AgentAnswer> {
  stats.load.set(agent.id, (stats.load.get(agent.id) ?? 0) + 1);
  try {
    const response = await fetchNode(
      ctx.clock,
      agent,
      "/v1/generate",
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-request-id": request.scope.requestId,
          "x-cognitora-subject": request.scope.subject,
          "x-firedrill-weight": String(request.weight),
          ...traceContext.inject(span),
        },
        body: JSON.stringify({
          model: request.model,
          prompt_tokens: request.promptTokens,
          cached_tokens: request.cachedTokens,
          max_tokens: 512,
          start_ms: request.startMs,
        }),
      },
      AGENT_TIMEOUT_MS,
    );
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.status === 503) return { ok: false, unready: true, reason: "engine not ready" };
    if (!response.ok)
      return { ok: false, unready: false, reason: `agent answered ${response.status}` };
    const ttftMs = Number(body.ttft_ms) || 0;
    const durationMs = Number(body.duration_ms) || ttftMs;
    stats.ttft.set(agent.id, ttftMs / 1000);
    return {
      ok: true,
      ttftMs,
      durationMs,
      endMs: Number(body.end_ms) || request.startMs + durationMs,
    };
  } catch (error) {
    return {
      ok: false,
      unready: false,
      reason: error instanceof Error ? error.message : String(error),
    };
  } finally {
    stats.load.set(agent.id, Math.max(0, (stats.load.get(agent.id) ?? 1) - 1));
  }
}
