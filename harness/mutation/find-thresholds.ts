import { findComparisons } from "../promql/find-comparisons.ts";

/** A comparison's right-hand side and what to put there so the alert fires less, or more. */
export interface Threshold {
  readonly from: number;
  readonly to: number;
  readonly op: string;
  /** The right-hand side as written. */
  readonly text: string;
  /** Fires less: the number moved tenfold away from what crosses it, or `(expr) * 10` / `(expr) / 10`. */
  readonly harder: string;
  /** Fires more: the number moved tenfold the other way. */
  readonly softer: string;
}

/** Ten times a number, or a tenth of it, without binary noise: 0.3 / 10 is 0.03, not 0.030000000000000002. */
function tenfold(value: number, times: boolean): string {
  return String(Number((times ? value * 10 : value / 10).toPrecision(12)));
}

/**
 * The thresholds of an alert's expression, found with Prometheus' own grammar: the right side of
 * every ordering comparison (`>`, `>=`, `<`, `<=`, without `bool`) reached from the top through
 * parentheses and the set operators `and`, `or`, `unless` — so both sides of `a < 0.99 or a > 1.01`
 * count. A literal 0 is no threshold (ten times zero is zero: only deletion breaks `rate(x) > 0`),
 * and neither is `==`/`!=`, which a tenfold move does not make fire less or more.
 */
export function findThresholds(expr: string): Threshold[] {
  return findComparisons(expr).flatMap(({ op, ordering, right }) => {
    if (!ordering) return [];
    // `>`: a larger line fires less; `<`: a smaller one.
    const up = op === ">" || op === ">=";
    if (right.node === "NumberDurationLiteral") {
      const value = Number(right.text);
      if (!Number.isFinite(value) || value === 0) return [];
      // Ten times a negative number is smaller: the move that fires less depends on the sign.
      const larger = value > 0;
      return [
        {
          from: right.from,
          to: right.to,
          op,
          text: right.text,
          harder: tenfold(value, up === larger),
          softer: tenfold(value, up !== larger),
        },
      ];
    }
    const times = (more: boolean) => `(${right.text}) ${more ? "*" : "/"} 10`;
    return [
      {
        from: right.from,
        to: right.to,
        op,
        text: right.text,
        harder: times(up),
        softer: times(!up),
      },
    ];
  });
}
