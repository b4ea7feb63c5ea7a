import type { ExpectationResult } from "../result/index.ts";
import {
  describeAlert,
  formatSeconds,
  matches,
  type Observations,
} from "../runner/observations.ts";
import type {
  Expectation,
  FiresExpectation,
  FiringWithinExpectation,
  NoOtherAlertsExpectation,
} from "../scenario/types.ts";
import type { ExpectationKind } from "./expectation-kind.ts";

/** No alert fires that no firing expectation of the scenario names (the noise never pages). */
function evaluateNoOthers(all: readonly Expectation[], obs: Observations): ExpectationResult {
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

/** `expectNoOtherAlerts()`: only the alerts a firing expectation names may fire. */
export const noOtherAlertsKind: ExpectationKind<NoOtherAlertsExpectation> = {
  kind: "no-other-alerts",
  validate: () => undefined,
  evaluate: (_e, { all, observations }) => evaluateNoOthers(all, observations),
  coverage: () => ({ claim: "others-silent" }),
};
