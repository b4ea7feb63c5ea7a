import type { ExpectationResult } from "../result/index.ts";
import {
  describeAlert,
  formatSeconds,
  matches,
  type Observations,
} from "../runner/observations.ts";
import type { NeverFiresExpectation } from "../scenario/types.ts";
import type { ExpectationKind } from "./expectation-kind.ts";

/** The alert (with those labels) never fires; pending is allowed: it is not a page. */
function evaluateNeverFires(e: NeverFiresExpectation, obs: Observations): ExpectationResult {
  const who = describeAlert(e.alert, e.labels);
  const title = `${who} never fires`;
  const fired = obs.alerts.filter((a) => matches(a, e.alert, e.labels) && a.firingAt !== null);
  if (fired.length === 0) return { state: "passed", expectation: e, title };
  const list = fired.map(
    (a) => `${describeAlert(a.alertname, a.labels)} at t=${formatSeconds(a.firingAt!)}`,
  );
  return { state: "failed", expectation: e, title, message: `${who} fired: ${list.join("; ")}.` };
}

/** `expectAlert(x).neverFires()`: pending is allowed, firing is not. */
export const neverFiresKind: ExpectationKind<NeverFiresExpectation> = {
  kind: "never-fires",
  validate: () => undefined,
  evaluate: (e, { observations }) => evaluateNeverFires(e, observations),
  coverage: (e) => ({ claim: "silent", alert: e.alert }),
};
