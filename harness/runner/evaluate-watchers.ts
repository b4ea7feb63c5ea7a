import type { ExpectationResult } from "../result/result.ts";
import type { FiringWithinExpectation, SpansArriveExpectation } from "../scenario/types.ts";
import { describeAlert, formatSeconds, matches, type Observations } from "./observations.ts";

/**
 * For the watchers' own faults: the alert is seen firing at some poll inside the window after
 * the fault (its state restored after a restart, or fired again).
 */
export function evaluateFiringWithin(
  e: FiringWithinExpectation,
  obs: Observations,
  parseSeconds: (duration: string) => number,
): ExpectationResult {
  const who = describeAlert(e.alert, e.labels);
  const title = `${who} is firing within ${e.within} after ${e.after}`;
  const from = obs.faults.find((f) => f.id === e.after)?.injectedAt ?? null;
  if (from === null) {
    return {
      state: "failed",
      expectation: e,
      title,
      message: `${who}: fault step "${e.after}" was never injected.`,
    };
  }
  const to = from + parseSeconds(e.within);
  // Seen firing at a poll inside the window: the episode began firing by its end and was
  // still seen firing at or after its start.
  const seen = obs.alerts.find(
    (a) =>
      matches(a, e.alert, e.labels) &&
      a.firingAt !== null &&
      a.firingAt <= to &&
      (a.lastFiringAt ?? a.firingAt) >= from,
  );
  if (seen) return { state: "passed", expectation: e, title };
  const episodes = obs.alerts
    .filter((a) => matches(a, e.alert, e.labels))
    .map(
      (a) =>
        `pending t=${formatSeconds(a.pendingAt)}${a.firingAt === null ? "" : `, firing t=${formatSeconds(a.firingAt)}`}${a.endedAt === null ? "" : `, gone t=${formatSeconds(a.endedAt)}`}`,
    );
  return {
    state: "failed",
    expectation: e,
    title,
    message: `${who} was not firing between t=${formatSeconds(from)} and t=${formatSeconds(to)} (${e.within} after ${e.after}); observed: ${episodes.length ? episodes.join("; ") : "never active"}.`,
  };
}

/** For a Collector restart: spans reach the trace sink again inside the window after the fault. */
export function evaluateSpansArrive(
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
