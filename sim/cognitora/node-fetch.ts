import type { Clock } from "../core/clock.ts";
import type { InProcessAnswer, InProcessRequest } from "../core/in-process-exchange.ts";
import { clockedFetch } from "./clocked-fetch.ts";

/** A node another node sends requests to: its listener's address and its in-process entry. */
export interface NodeAddress {
  url(): string;
  serve(request: InProcessRequest): Promise<InProcessAnswer>;
}

/** What a node answered: the members of a fetch Response the binaries read. */
export type NodeResponse = Pick<Response, "status" | "ok" | "text" | "json">;

/** What a request between nodes carries. */
export interface NodeRequestInit {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * A request from one Cognitora node to another. Live (a sped-up clock) it goes over loopback
 * HTTP with a timeout in fleet time, as between real binaries; in virtual time it is handed to
 * the other node's handler in this process (the same handler, refused by a crashed node, held by
 * a hung one), since the fleet's own sockets and fetch machinery were most of a virtual run's cost.
 *
 * @example
 * const res = await fetchNode(clock, agent, "/v1/generate", { method: "POST", body }, 30_000);
 */
export async function fetchNode(
  clock: Clock,
  node: NodeAddress,
  path: string,
  init: NodeRequestInit,
  timeoutFleetMs: number,
): Promise<NodeResponse> {
  if (Number.isFinite(clock.speed)) {
    return clockedFetch(clock, `${node.url()}${path}`, { ...init }, timeoutFleetMs);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  const answer = await node.serve({
    method: init.method ?? "GET",
    path,
    headers,
    ...(init.body !== undefined && { body: init.body }),
  });
  return {
    status: answer.status,
    ok: answer.status >= 200 && answer.status < 300,
    text: () => Promise.resolve(answer.body),
    json: async () => JSON.parse(answer.body) as unknown,
  };
}
