import type { Clock } from "../core/clock.ts";

/**
 * fetch as Node has it, taken when this module loads, before any sim host's msw server patches
 * the global one: requests between the fleet's own nodes on loopback are no external boundary,
 * and msw's per-request work (cloning, cookie-store lookups for every handler) made them the
 * bulk of a virtual-time run's cost.
 */
const loopbackFetch = globalThis.fetch;

/** Wall milliseconds a request is always given, whatever the speed. */
const MIN_WALL_MS = 1_000;

/**
 * fetch with a timeout in fleet time on the injected clock. A sped-up fleet never gives up sooner
 * than 1 s of wall time (in-process I/O is not sped up); a virtual clock arms no timer, since it
 * jumps synchronously: there discovery leaves out nodes that do not answer.
 *
 * @example
 * const res = await clockedFetch(clock, `${agent}/v1/generate`, { method: "POST", body }, 10_000);
 */
export async function clockedFetch(
  clock: Clock,
  url: string,
  init: RequestInit,
  timeoutFleetMs: number,
): Promise<Response> {
  const speed = clock.speed;
  const send = isLoopback(url) ? loopbackFetch : fetch;
  // No deadline on a virtual clock: no signal to abort, and no body to read ahead under one.
  if (!Number.isFinite(speed)) return send(url, init);
  const controller = new AbortController();
  const timer = clock.setTimeout(
    () => controller.abort(),
    Math.max(timeoutFleetMs, MIN_WALL_MS * speed),
  );
  try {
    const response = await send(url, { ...init, signal: controller.signal });
    // Read the body under the same deadline, so a hang mid-body also times out.
    const body = await response.arrayBuffer();
    return new Response(body, { status: response.status, headers: response.headers });
  } finally {
    timer.cancel();
  }
}

// Whether a URL names a listener of this machine's loopback (the fleet's nodes bind only there).
function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || host.startsWith("127.");
}
