const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * The fleet time (ms) a `since` of /_admin/logs means: an RFC 3339 timestamp, or a duration
 * back from `nowMs` as `reactor logs --since 1h` takes it ("90s", "15m", "1h30m", "2d").
 * Undefined when the text is neither.
 *
 * @example
 * parseSince("1h", clock.now()); // clock.now() - 3_600_000
 * parseSince("2026-05-29T00:00:00Z", 0); // 1780012800000
 */
export function parseSince(text: string, nowMs: number): number | undefined {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d|w))+$/.test(value)) return undefined;
  let total = 0;
  for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)) {
    total += Number(amount) * (UNIT_MS[unit ?? ""] ?? 0);
  }
  return nowMs - total;
}
