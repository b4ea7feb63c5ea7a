/**
 * How a GET of a URL ends: its status, or the error's code (ECONNREFUSED for a crashed node,
 * TimeoutError for a hung one after `timeoutMs`).
 */
export async function requestOutcome(url: string, timeoutMs = 2_000): Promise<number | string> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })).status;
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    return e.cause?.code ?? e.name;
  }
}
