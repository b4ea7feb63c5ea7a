import type { ComputedWindow, FaultRecord, FiringObservation } from "../result/index.ts";
import { formatSeconds } from "../result/index.ts";
import type { MatchedRoute } from "./route-alerts.ts";

/** What the window of one firing is computed from. */
export interface WindowInputs {
  readonly alert: string;
  /** The `for` (fleet seconds) of each rule named `alert`, with the file it is in. */
  readonly rules: readonly { readonly for: number; readonly file: string }[];
  /** The route Alertmanager sends it to for the expected receiver (its own routing). */
  readonly route: MatchedRoute | undefined;
  /** Whether another alert of the same group was already notifying when it fired. */
  readonly groupActive: boolean;
  readonly evaluationInterval: number;
  /**
   * How late the run may see a change, in fleet seconds: a live run polls Prometheus' alerts
   * (every half evaluation interval, later on a loaded machine: seen up to 8 s at 30x), virtual
   * time sees each transition at its own fake-clock time. LIVE_OBSERVATION_SLACK or
   * VIRTUAL_OBSERVATION_SLACK.
   */
  readonly observationSlack: number;
  /** The run's faults: a restart or a receiver outage changes what may be bounded. */
  readonly faults: readonly FaultRecord[];
}

/**
 * A live run's observation slack (WindowInputs.observationSlack), in fleet seconds: three alert
 * polls of half an evaluation interval each. The whole live suite saw at most 8 s.
 */
export const LIVE_OBSERVATION_SLACK = 22.5;
/** Virtual time's: its times are exact, but for rounding. */
export const VIRTUAL_OBSERVATION_SLACK = 1;

// The harness's faults on the stack itself (`stack.prometheus.restart`, `receiver.outage`, …).
const STACK_RESTART = /(^|\.)(prometheus|alertmanager)\.restart$/;
const RECEIVER_OUTAGE = /(^|\.)receiver\.outage$/;

/** The computed window of one firing; `observed` supplies the times to see what overlaps it. */
export function computeWindow(inputs: WindowInputs, observed: FiringObservation): ComputedWindow {
  const e = inputs.evaluationInterval;
  const slack = inputs.observationSlack;
  const parts: string[] = [];
  let hold: ComputedWindow["hold"] = null;
  if (inputs.rules.length > 0) {
    const fors = inputs.rules.map((r) => r.for);
    const low = Math.min(...fors);
    const high = Math.max(...fors);
    // Prometheus fires at the first evaluation at least `for` after the alert went pending.
    hold = [low, Math.ceil(high / e) * e + slack];
    const files = [...new Set(inputs.rules.map((r) => r.file))].join(", ");
    parts.push(
      `for: ${formatSeconds(low)}${high !== low ? ` to ${formatSeconds(high)}` : ""} (${files}) at a ${formatSeconds(e)} evaluation interval: firing ${formatSeconds(hold[0])} to ${formatSeconds(hold[1])} after pending`,
    );
  }
  let delivery: ComputedWindow["delivery"] = null;
  let resolvedDelivery: ComputedWindow["resolvedDelivery"] = null;
  const route = inputs.route;
  if (route) {
    const wait = inputs.groupActive ? route.groupInterval : route.groupWait;
    // A new group's first notification leaves group_wait after Alertmanager got the alert; one
    // joining a group that is already notifying leaves at the group's next flush.
    delivery = inputs.groupActive ? [0, wait + slack] : [Math.max(0, wait - slack), wait + slack];
    resolvedDelivery = [-slack, route.groupInterval + slack];
    parts.push(
      `route to ${route.receiver}: ${inputs.groupActive ? `group_interval ${formatSeconds(route.groupInterval)} (its group was already notifying)` : `group_wait ${formatSeconds(route.groupWait)}`}: delivered ${formatSeconds(delivery[0])} to ${formatSeconds(delivery[1])} after firing; resolved notification within group_interval ${formatSeconds(route.groupInterval)} of the resolve`,
    );
  }
  if (parts.length > 0) parts.push(`each seen within ${formatSeconds(slack)}`);
  const exempt = exemption(inputs.faults, observed);
  return {
    derivation: parts.join("; "),
    hold: exempt?.hold ? null : hold,
    delivery: exempt?.delivery ? null : delivery,
    resolvedDelivery: exempt?.delivery ? null : resolvedDelivery,
    ...(exempt ? { exempt: exempt.why } : {}),
  };
}

/** Which bounds a restart or a receiver outage during the firing lifts, and why. */
function exemption(
  faults: readonly FaultRecord[],
  o: FiringObservation,
): { hold: boolean; delivery: boolean; why: string } | undefined {
  const from = o.pendingAt ?? o.firingAt;
  if (from === null) return undefined;
  const until = o.resolvedDeliveredAt ?? o.resolvedAt ?? o.deliveredAt ?? o.firingAt ?? from;
  const during = faults.filter(
    (f) =>
      f.injectedAt !== null &&
      f.injectedAt <= Math.max(until, o.deliveredAt ?? until) &&
      (f.healedAt ?? Number.POSITIVE_INFINITY) >= from,
  );
  const restart = during.find((f) => STACK_RESTART.test(f.name));
  const outage = during.find((f) => RECEIVER_OUTAGE.test(f.name));
  if (!restart && !outage) return undefined;
  const culprit = (restart ?? outage)!;
  return {
    hold: restart !== undefined && restart.injectedAt! <= (o.firingAt ?? until),
    delivery: true,
    why: `${culprit.name} ("${culprit.id}") at t=${formatSeconds(culprit.injectedAt!)} falls within this firing: Alertmanager's timing is not bounded`,
  };
}

/** The bound a firing broke, as a sentence naming the derivation; undefined when it kept them. */
export function windowViolation(
  who: string,
  window: ComputedWindow,
  o: FiringObservation,
): string | undefined {
  const at = (t: number) => `t=${formatSeconds(t)}`;
  const outside = (value: number, [low, high]: readonly [number, number]) =>
    value < low - 1e-6 || value > high + 1e-6;
  if (window.hold && o.pendingAt !== null && o.firingAt !== null) {
    const held = o.firingAt - o.pendingAt;
    if (outside(held, window.hold)) {
      return `${who} fired ${formatSeconds(held)} after going pending (${at(o.pendingAt)} → ${at(o.firingAt)}), outside the computed window: ${window.derivation}.`;
    }
  }
  if (window.delivery && o.firingAt !== null && o.deliveredAt !== null) {
    const took = o.deliveredAt - o.firingAt;
    if (outside(took, window.delivery)) {
      return `${who} was delivered ${formatSeconds(took)} after firing (${at(o.firingAt)} → ${at(o.deliveredAt)}), outside the computed window: ${window.derivation}.`;
    }
  }
  if (window.resolvedDelivery && o.resolvedAt !== null && o.resolvedDeliveredAt !== null) {
    const took = o.resolvedDeliveredAt - o.resolvedAt;
    if (outside(took, window.resolvedDelivery)) {
      return `${who}'s resolved notification came ${formatSeconds(took)} after it resolved (${at(o.resolvedAt)} → ${at(o.resolvedDeliveredAt)}), outside the computed window: ${window.derivation}.`;
    }
  }
  return undefined;
}
