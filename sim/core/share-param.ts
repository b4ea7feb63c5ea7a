/**
 * A fault param that is a share, from 0 to 1 (error ratios, hit ratios, fill ratios), as a
 * schema entry.
 *
 * @example
 * params: { errorRatio: shareParam(0.3, "Share of reducer calls that fail, from 0 to 1.") }
 */
export function shareParam(fallback: number, description: string) {
  return { type: "number", default: fallback, min: 0, max: 1, description } as const;
}
