import type { DeliveryRecord, ExpectationResult } from "../result/index.ts";
import {
  describeAlert,
  formatSeconds,
  matches,
  type Observations,
} from "../runner/observations.ts";
import type { SeparatePagesExpectation } from "../scenario/types.ts";
import type { ExpectationCheck, ExpectationKind } from "./expectation-kind.ts";

// A Prometheus label name (the `by` labels are compared on the alerts' labels).
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** One notification as a receiver got it: its alerts share receiver, group and arrival time. */
interface Notification {
  readonly receiver: string;
  readonly groupKey: string;
  readonly receivedAt: number;
  readonly alerts: DeliveryRecord[];
}

/** The deliveries grouped into the webhook calls that carried them, in arrival order. */
function notifications(deliveries: readonly DeliveryRecord[]): Notification[] {
  const byCall = new Map<string, Notification>();
  for (const d of deliveries) {
    const key = JSON.stringify([d.receiver, d.groupKey, d.receivedAt]);
    const call = byCall.get(key) ?? { ...d, alerts: [] };
    call.alerts.push(d);
    byCall.set(key, call);
  }
  return [...byCall.values()].sort((a, b) => a.receivedAt - b.receivedAt);
}

/**
 * Judges `expectSeparatePages`: no notification carries two instances of the alert that differ
 * in the `by` labels, and instances differing in them were paged (else the drill shows nothing).
 */
function evaluateSeparatePages(e: SeparatePagesExpectation, obs: Observations): ExpectationResult {
  const who = describeAlert(e.alert, e.labels);
  const title = `${who} pages separately by ${e.by.join(", ")}`;
  // The `by` labels of one instance, as a selector: lattice="lattice0".
  const part = (d: DeliveryRecord) =>
    e.by.map((l) => `${l}=${JSON.stringify(d.labels[l] ?? "")}`).join(", ");
  const mine = obs.deliveries.filter((d) => matches(d, e.alert, e.labels));
  for (const n of notifications(mine)) {
    const parts = [...new Set(n.alerts.map(part))];
    if (parts.length < 2) continue;
    const carried = n.alerts.map((d) => `${d.status} {${part(d)}}`).join(", ");
    return {
      state: "failed",
      expectation: e,
      title,
      message: `${who} was paged for {${parts.join("} and {")}} in one notification: the one to ${n.receiver} at t=${formatSeconds(n.receivedAt)}, of group ${n.groupKey}, carried ${carried}. Alertmanager merges alerts its route's group_by does not tell apart: add ${e.by.join(", ")} to group_by.`,
    };
  }
  const paged = [...new Set(mine.filter((d) => d.status === "firing").map(part))];
  if (paged.length < 2) {
    const seen = paged.length === 0 ? "no instance was paged" : `only {${paged[0]}} was paged`;
    return {
      state: "failed",
      expectation: e,
      title,
      message: `${who} cannot show separate pages by ${e.by.join(", ")}: ${seen} (observed until t=${formatSeconds(obs.end)}); the drill must page at least two instances that differ in them.`,
    };
  }
  return { state: "passed", expectation: e, title };
}

/** Checks at load that `alert` is named and `by` lists distinct label names the alert can differ in. */
function validateSeparatePages(e: SeparatePagesExpectation, check: ExpectationCheck): void {
  if (typeof e.alert !== "string" || e.alert === "") {
    check.fail(`${check.place}.alert`, `must name an alert (got ${JSON.stringify(e.alert)}).`);
  }
  if (!Array.isArray(e.by) || e.by.length === 0) {
    check.fail(
      `${check.place}.by`,
      `must list the labels that tell the pages apart, e.g. { by: ["lattice"] } (got ${JSON.stringify(e.by)}).`,
    );
  }
  e.by.forEach((label, i) => {
    const place = `${check.place}.by[${i}]`;
    if (typeof label !== "string" || !LABEL_NAME.test(label)) {
      check.fail(place, `${JSON.stringify(label)} is not a label name.`);
    }
    if (label === "alertname") {
      check.fail(place, `is alertname, which every instance of ${e.alert} shares.`);
    }
    if (e.by.indexOf(label) !== i) check.fail(place, `"${label}" is named twice.`);
    if (e.labels[label] !== undefined) {
      check.fail(
        place,
        `"${label}" is fixed to ${JSON.stringify(e.labels[label])} by labels, so the instances that count cannot differ in it.`,
      );
    }
  });
}

/** `expectSeparatePages(alert, { by })`: instances differing in `by` never share a notification. */
export const separatePagesKind: ExpectationKind<SeparatePagesExpectation> = {
  kind: "separate-pages",
  validate: validateSeparatePages,
  evaluate: (e, { observations }) => evaluateSeparatePages(e, observations),
  coverage: (e) => ({ claim: "names", alert: e.alert }),
};
