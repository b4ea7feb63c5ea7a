/** Prometheus' default lookback delta, which promtool's tests always use. */
const defaultLookbackMs = 5 * 60_000;

/**
 * Puts a `stale` marker into a promtool input series where, at 1x, the lookback would end it:
 * a sample stays visible for the lookback (5m) after it was scraped, and a compressed test keeps
 * the 5m lookback while its samples come N times closer, so a series with a `_` gap would stay
 * visible N times longer. The marker goes at the first step at or after the last sample plus
 * the lookback, counted in the test's fleet-time interval; gaps shorter than that are kept. A
 * series that ends with the list (its last sample, maybe a few `_` after) gets its marker one
 * lookback after its last sample too. Returns undefined when nothing changes (a series that ends
 * stale, or histogram values).
 * @example staleAfterLookback("1x3 _x30 1", 15_000) // "1x3 _x19 stale _x10 1 _x19 stale"
 */
export function staleAfterLookback(
  values: string,
  intervalMs: number,
  lookbackMs: number = defaultLookbackMs,
): string | undefined {
  if (values.includes("{")) return undefined;
  const steps = Math.ceil(lookbackMs / intervalMs);
  const tokens = values.trim().split(/\s+/);
  const out: string[] = [];
  let changed = false;
  let live = false;
  let gap = 0;
  const flushGap = () => {
    if (gap === 0) return;
    if (live && gap >= steps) {
      out.push(...blanks(steps - 1), "stale", ...blanks(gap - steps));
      changed = true;
    } else {
      out.push(...blanks(gap));
    }
    gap = 0;
  };
  for (const token of tokens) {
    const blank = /^_(?:x(\d+))?$/.exec(token);
    if (blank) {
      gap += blank[1] === undefined ? 1 : Number(blank[1]);
      continue;
    }
    flushGap();
    out.push(token);
    live = token !== "stale";
  }
  if (live && gap < steps) {
    // The series ends with the list: at 1x it vanishes one lookback after its last sample.
    out.push(...blanks(steps - 1), "stale");
    return out.join(" ");
  }
  flushGap();
  return changed ? out.join(" ") : undefined;
}

/** `_xN` as promtool writes N missing samples (nothing for 0). */
function blanks(count: number): string[] {
  if (count <= 0) return [];
  return [count === 1 ? "_" : `_x${count}`];
}
