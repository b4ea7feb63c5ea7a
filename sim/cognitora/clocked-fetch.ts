import type { Clock } from "../core/clock.ts";

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
  const controller = new AbortController();
  const speed = clock.speed;
  const timer = Number.isFinite(speed)
    ? clock.setTimeout(() => controller.abort(), Math.max(timeoutFleetMs, MIN_WALL_MS * speed))
    : undefined;
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    // Read the body under the same deadline, so a hang mid-body also times out.
    const body = await response.arrayBuffer();
    return new Response(body, { status: response.status, headers: response.headers });
  } finally {
    timer?.cancel();
  }
}
