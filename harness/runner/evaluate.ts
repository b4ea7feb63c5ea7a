import { expectationKind } from "../expectations/index.ts";
import type { ExpectationResult } from "../result/index.ts";
import type { Expectation } from "../scenario/types.ts";
import type { Observations } from "./observations.ts";

export { describeAlert, formatSeconds, type Observations } from "./observations.ts";

/** Judges every expectation of a scenario against what was observed, each by its kind. */
export function evaluate(
  expectations: readonly Expectation[],
  observations: Observations,
  parseSeconds: (duration: string) => number,
): ExpectationResult[] {
  return expectations.map((expectation) =>
    expectationKind(expectation).evaluate(expectation, {
      all: expectations,
      observations,
      parseSeconds,
    }),
  );
}
