import type http from "node:http";
import type { Clock } from "../core/clock.ts";
import { parseSince } from "./parse-since.ts";
import { CAPABILITIES } from "./reactor-capabilities.ts";
import type { ReactorLog, ReactorLogEntry } from "./reactor-log.ts";

/** Fleet ms between SSE keep-alive comments on a followed stream. */
const KEEPALIVE_MS = 15_000;

/** Answers a bad query with 400 and a message saying what to send. */
function badRequest(res: http.ServerResponse, message: string): void {
  const body = `${JSON.stringify({ error: message })}\n`;
  res.writeHead(400, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

/** Whether a query flag is on (`follow=1`, `follow=true`, bare `follow`). */
function flag(value: string | null): boolean {
  return value !== null && !["0", "false", "no"].includes(value.toLowerCase());
}

/**
 * GET /_admin/logs: the node's log lines as Server-Sent Events (`data: <json line>`), filtered
 * by `capability` (auth, or its tracing target reactor_auth) and `since` (RFC 3339 or a duration
 * back in fleet time, e.g. 1h). Without `follow` it sends the buffered lines and ends; with
 * `follow=1` it keeps the connection and pushes every new line until the client leaves.
 *
 * @example
 * streamLogs(req, res, { log, clock, query: new URL(req.url, "http://x").searchParams });
 */
export function streamLogs(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: { log: ReactorLog; clock: Clock; query: URLSearchParams },
): void {
  const { log, clock, query } = options;
  const capability = query.get("capability");
  let target: string | undefined;
  if (capability !== null && capability !== "") {
    const name = capability.replace(/^reactor_/, "");
    if (!(CAPABILITIES as readonly string[]).includes(name)) {
      badRequest(
        res,
        `Failed to stream logs: unknown capability ${JSON.stringify(capability)}. Use one of ${CAPABILITIES.join(", ")}.`,
      );
      return;
    }
    target = `reactor_${name}`;
  }
  const sinceText = query.get("since");
  let since: number | undefined;
  if (sinceText !== null && sinceText !== "") {
    since = parseSince(sinceText, clock.now());
    if (since === undefined) {
      badRequest(
        res,
        `Failed to stream logs: since ${JSON.stringify(sinceText)} is neither an RFC 3339 time nor a duration. Use e.g. since=2026-05-29T00:00:00Z or since=1h.`,
      );
      return;
    }
  }
  const matches = (entry: ReactorLogEntry): boolean =>
    (target === undefined || entry.target === target) &&
    (since === undefined || Date.parse(entry.timestamp) >= since);
  const send = (entry: ReactorLogEntry): void => {
    if (matches(entry) && !res.writableEnded) res.write(`data: ${JSON.stringify(entry)}\n\n`);
  };

  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  res.flushHeaders();
  for (const entry of log.entries()) send(entry);
  if (!flag(query.get("follow"))) {
    res.end();
    return;
  }
  res.write(": following\n\n");
  const unsubscribe = log.subscribe(send);
  const keepalive = clock.setInterval(() => {
    if (!res.writableEnded) res.write(": keep-alive\n\n");
  }, KEEPALIVE_MS);
  const stop = (): void => {
    unsubscribe();
    keepalive.cancel();
  };
  req.on("close", stop);
  res.on("close", stop);
}
