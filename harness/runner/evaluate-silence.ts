import type { ExpectationResult } from "../result/result.ts";
import type {
  Expectation,
  FiresExpectation,
  FiringWithinExpectation,
  NeverFiresExpectation,
} from "../scenario/types.ts";
import { describeAlert, formatSeconds, matches, type Observations } from "./observations.ts";

/** The alert (with those labels) never fires; pending is allowed: it is not a page. */
export function evaluateNeverFires(e: NeverFiresExpectation, obs: Observations): ExpectationResult {
  const who = describeAlert(e.alert, e.labels);
  const title = `${who} never fires`;
  const fired = obs.alerts.filter((a) => matches(a, e.alert, e.labels) && a.firingAt !== null);
  if (fired.length === 0) return { state: "passed", expectation: e, title };
  const list = fired.map(
    (a) => `${describeAlert(a.alertname, a.labels)} at t=${formatSeconds(a.firingAt!)}`,
  );
  return { state: "failed", expectation: e, title, message: `${who} fired: ${list.join("; ")}.` };
}

/** No alert fires that no firing expectation of the scenario names (the noise never pages). */
export function evaluateNoOthers(
  all: readonly Expectation[],
  obs: Observations,
): ExpectationResult {
  const expectation = all.find((e) => e.kind === "no-other-alerts")!;
  const title = "no other alert fires";
  const allowed = all.filter(
    (e): e is FiresExpectation | FiringWithinExpectation =>
      e.kind === "fires" || e.kind === "firing-within",
  );
  const others = obs.alerts.filter(
    (a) => a.firingAt !== null && !allowed.some((e) => matches(a, e.alert, e.labels)),
  );
  if (others.length === 0) return { state: "passed", expectation, title };
  const list = others.map(
    (a) => `${describeAlert(a.alertname, a.labels)} firing at t=${formatSeconds(a.firingAt!)}`,
  );
  return {
    state: "failed",
    expectation,
    title,
    message: `Unexpected alerts fired: ${list.join("; ")}.`,
  };
}
