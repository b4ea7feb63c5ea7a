import type { ExpectationResult } from "../result/index.ts";
import { formatSeconds, type Observations } from "../runner/observations.ts";
import type { SpansArriveExpectation } from "../scenario/types.ts";
import { checkAfter } from "./check-after.ts";
import type { ExpectationKind } from "./expectation-kind.ts";

/** For a Collector restart: spans reach the trace sink again inside the window after the fault. */
function evaluateSpansArrive(
  e: SpansArriveExpectation,
  obs: Observations,
  parseSeconds: (duration: string) => number,
): ExpectationResult {
  const title = `spans reach the trace sink within ${e.within} after ${e.after}`;
  const step = obs.faults.find((f) => f.id === e.after);
  const from = step?.healedAt ?? step?.injectedAt ?? null;
  if (from === null) {
    return {
      state: "failed",
      expectation: e,
      title,
      message: `Fault step "${e.after}" was never injected.`,
    };
  }
  const to = from + parseSeconds(e.within);
  const first = (obs.spanArrivals ?? []).find((t) => t >= from);
  if (first !== undefined && first <= to) return { state: "passed", expectation: e, title };
  return {
    state: "failed",
    expectation: e,
    title,
    message: `No span reached the trace sink between t=${formatSeconds(from)} and t=${formatSeconds(to)}; ${first === undefined ? "none arrived after" : `the next arrived at t=${formatSeconds(first)}`}.`,
  };
}

/** `expectSpans().arriveWithin(window, { after })`: the trace pipeline recovers. */
export const spansArriveKind: ExpectationKind<SpansArriveExpectation> = {
  kind: "spans-arrive",
  validate: (e, check) => void checkAfter(e, check),
  evaluate: (e, { observations, parseSeconds }) =>
    evaluateSpansArrive(e, observations, parseSeconds),
  coverage: () => ({ claim: "none" }),
};
