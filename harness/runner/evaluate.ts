import type { ExpectationResult } from "../result/result.ts";
import type { Expectation } from "../scenario/types.ts";
import { evaluateFires } from "./evaluate-fires.ts";
import { evaluateNeverFires, evaluateNoOthers } from "./evaluate-silence.ts";
import { evaluateFiringWithin, evaluateSpansArrive } from "./evaluate-watchers.ts";
import type { Observations } from "./observations.ts";

export { describeAlert, formatSeconds, type Observations } from "./observations.ts";

/** Judges every expectation of a scenario against what was observed. */
export function evaluate(
  expectations: readonly Expectation[],
  observations: Observations,
  parseSeconds: (duration: string) => number,
): ExpectationResult[] {
  return expectations.map((expectation) => {
    switch (expectation.kind) {
      case "fires":
        return evaluateFires(expectation, observations, parseSeconds);
      case "never-fires":
        return evaluateNeverFires(expectation, observations);
      case "firing-within":
        return evaluateFiringWithin(expectation, observations, parseSeconds);
      case "spans-arrive":
        return evaluateSpansArrive(expectation, observations, parseSeconds);
      default:
        return evaluateNoOthers(expectations, observations);
    }
  });
}
