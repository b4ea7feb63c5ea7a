import type { BinaryContext } from "./cognitora-binary.ts";
import { fetchNode } from "./node-fetch.ts";
import type { RequestScope } from "./service-log.ts";

const LOOKUP_TIMEOUT_MS = 2_000;

/**
 * Asks the model's kvcached shard how many of `count` prompts have their prefix cached; no shard,
 * or a failed lookup (logged), counts every lookup as a miss.
 */
export async function lookupPrefixes(
  ctx: BinaryContext,
  request: { model: string; count: number; promptTokens: number; scope: RequestScope },
): Promise<{ hits: number; lookups: number }> {
  const { model, count, promptTokens, scope } = request;
  const shard = ctx.directory.kvcachedFor(model);
  if (!shard) return { hits: 0, lookups: count };
  try {
    const query = new URLSearchParams({
      model,
      n: String(count),
      blocks: String(Math.ceil(promptTokens / 16)),
    });
    const response = await fetchNode(
      ctx.clock,
      shard,
      `/v1/lookup?${query}`,
      { headers: { "x-request-id": scope.requestId } },
      LOOKUP_TIMEOUT_MS,
    );
    const body = (await response.json()) as { hits?: unknown; lookups?: unknown };
    if (response.ok && typeof body.hits === "number" && typeof body.lookups === "number") {
      return { hits: body.hits, lookups: body.lookups };
    }
  } catch (error) {
    ctx.log.warn(
      "cgn_router::cache",
      "kvcached lookup failed",
      { shard: shard.id, error: String(error) },
      scope,
    );
  }
  return { hits: 0, lookups: count };
}
