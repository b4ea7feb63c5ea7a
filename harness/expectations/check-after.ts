import type { FaultStep } from "../scenario/types.ts";
import type { ExpectationCheck } from "./expectation-kind.ts";

/**
 * The checks every windowed expectation shares: `after` names a fault step of the timeline and
 * `within` is a duration. Returns the step.
 */
export function checkAfter(
  expectation: { readonly after: string; readonly within: string },
  check: ExpectationCheck,
): FaultStep {
  const step = check.steps.get(expectation.after);
  if (!step) {
    return check.fail(
      `${check.place}.after`,
      `names fault "${expectation.after}", which the timeline does not have (faults: ${[...check.steps.keys()].join(", ") || "none"}).`,
    );
  }
  check.duration(expectation.within, `${check.place}.within`);
  return step;
}
