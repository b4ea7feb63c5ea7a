import { InputError } from "../errors.ts";
import { formatDuration, parseDuration } from "../time/index.ts";

/** A number without binary noise: 0.1 * 3 is 0.3, not 0.30000000000000004. */
const clean = (value: number) => Number(value.toPrecision(12));

/**
 * `--threshold`: `from:to:step` (both ends included) or a comma list.
 * @example parseThresholds("0.1:0.5:0.1") // [0.1, 0.2, 0.3, 0.4, 0.5]
 * @example parseThresholds("0.3,0.5,2") // [0.3, 0.5, 2]
 */
export function parseThresholds(text: string): number[] {
  const bad = (why: string): never => {
    throw new InputError(
      `firedrill tune: --threshold ${text}: ${why}. Give from:to:step (e.g. 0.1:1:0.1) or a list (e.g. 0.3,0.5,1).`,
    );
  };
  const number = (part: string) => {
    const value = Number(part);
    if (part.trim() === "" || !Number.isFinite(value)) bad(`"${part}" is not a number`);
    return value;
  };
  const range = text.split(":");
  if (range.length === 3) {
    const [from, to, step] = range.map(number) as [number, number, number];
    if (step <= 0) bad("the step must be above 0");
    if (to < from) bad("the range must go from low to high");
    const count = Math.floor(clean((to - from) / step)) + 1;
    if (count > 50) bad(`that is ${count} values; tune at most 50 at once`);
    return Array.from({ length: count }, (_, i) => clean(from + i * step));
  }
  if (range.length !== 1) bad("a range has three parts");
  return [...new Set(text.split(",").map(number))];
}

/**
 * `--for`: a comma list of durations (`0s` allowed).
 * @example parseForValues("0s,30s,1m") // ["0s", "30s", "1m"]
 */
export function parseForValues(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((part) => formatDuration(parseDuration(part.trim(), "firedrill tune --for"))),
    ),
  ];
}
