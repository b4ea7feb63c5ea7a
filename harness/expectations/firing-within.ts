import type { ExpectationResult } from "../result/index.ts";
import { describeAlert, formatSeconds, matches } from "../runner/observations.ts";
import type { FiringWithinExpectation } from "../scenario/types.ts";
import { checkAfter } from "./check-after.ts";
import type { ExpectationJudging, ExpectationKind } from "./expectation-kind.ts";

/**
 * For the watchers' own faults: the alert is seen firing at some poll inside the window after
 * the fault (its state restored after a restart, or fired again).
 */
function evaluateFiringWithin(
  e: FiringWithinExpectation,
  judging: ExpectationJudging,
): ExpectationResult {
  const { observations: obs, parseSeconds } = judging;
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
  // Seen firing at a poll inside the window: the episode began firing by its end (a live run
  // knows only that it fired after the poll before the one that saw it) and was still seen
  // firing at or after its start.
  const seen = obs.alerts.find(
    (a) =>
      matches(a, e.alert, e.labels) &&
      a.firingAt !== null &&
      Math.min(a.firedAfter ?? a.firingAt, a.firingAt) <= to &&
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

/** `expectAlert(x).firingWithin(window, { after })`: seen firing at some moment of the window. */
export const firingWithinKind: ExpectationKind<FiringWithinExpectation> = {
  kind: "firing-within",
  validate: (e, check) => void checkAfter(e, check),
  evaluate: evaluateFiringWithin,
  coverage: (e) => ({ claim: "names", alert: e.alert }),
};
