/**
 * A sample value as both OpenMetrics 1.0 and the Prometheus text format accept it: NaN, +Inf,
 * -Inf, or JavaScript's shortest round-trip decimal (integers without a fraction, exponents as
 * "1e-7" / "1e+21", which both grammars allow). -0 is written as 0.
 *
 * @example
 * formatSampleValue(Number.NaN); // "NaN"
 */
export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  if (Object.is(value, -0)) return "0";
  return String(value);
}
