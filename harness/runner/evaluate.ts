import type {
  Expectation,
  FiresExpectation,
  FiringWithinExpectation,
  LabelMatch,
  NeverFiresExpectation,
  SpansArriveExpectation,
} from "../scenario/types.ts";
import type {
  AlertRecord,
  DeliveryRecord,
  ExpectationResult,
  FaultRecord,
  FiringObservation,
  FleetSeconds,
} from "./result.ts";

/** Everything the run observed, in fleet seconds since t=0. */
export interface Observations {
  readonly faults: readonly FaultRecord[];
  readonly alerts: readonly AlertRecord[];
  readonly deliveries: readonly DeliveryRecord[];
  /** Fleet seconds at which observation stopped. */
  readonly end: FleetSeconds;
  /** Fleet seconds at which spans reached the trace sink (sorted; for spans-arrive). */
  readonly spanArrivals?: readonly FleetSeconds[];
}

/** Formats fleet seconds for messages: 452 → "7m32s", 0.5 → "0.5s". */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds * 10) / 10}s`;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h ? `${h}h` : ""}${m ? `${m}m` : ""}${s ? `${s}s` : ""}` || "0s";
}

/** `Name{a="b",c="d"}` as an operator writes a selector (alertname is the name, not a label). */
export function describeAlert(alert: string, labels: LabelMatch): string {
  const inner = Object.entries(labels)
    .filter(([k]) => k !== "alertname")
    .map(([k, v]) => `${k}="${v}"`)
    .join(",");
  return inner ? `${alert}{${inner}}` : alert;
}

function matches(
  record: { labels: Readonly<Record<string, string>> },
  alert: string,
  labels: LabelMatch,
) {
  return (
    record.labels.alertname === alert &&
    Object.entries(labels).every(([k, v]) => record.labels[k] === v)
  );
}

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

function evaluateFires(
  e: FiresExpectation,
  obs: Observations,
  parseSeconds: (duration: string) => number,
): ExpectationResult {
  const who = describeAlert(e.alert, e.labels);
  const within = parseSeconds(e.within);
  const title =
    `${who} fires within ${e.within} after ${e.after}` +
    (e.receiver ? `, delivered to ${e.receiver}` : "") +
    (e.resolvesWithin ? `, resolves within ${e.resolvesWithin} after the heal` : "");
  const fault = obs.faults.find((f) => f.id === e.after);
  const faultAt = fault?.injectedAt ?? null;
  const healedAt = fault?.healedAt ?? null;
  const mine = obs.alerts.filter((a) => matches(a, e.alert, e.labels));
  const base = { faultAt, healedAt };
  const fail = (message: string, observed?: FiringObservation): ExpectationResult => ({
    state: "failed",
    expectation: e,
    title,
    message,
    ...(observed ? { observed } : {}),
  });
  if (faultAt === null) return fail(`${who}: fault step "${e.after}" was never injected.`);

  const before = mine.find((a) => a.firingAt !== null && a.firingAt < faultAt);
  const episode = mine.find((a) => a.firingAt !== null && a.firingAt >= faultAt);
  const pendingOnly = mine.find((a) => a.firingAt === null && a.pendingAt >= faultAt);
  const firingAt = episode?.firingAt ?? null;
  const deliveries = obs.deliveries.filter(
    (d) => matches(d, e.alert, e.labels) && firingAt !== null && d.receivedAt >= episode!.pendingAt,
  );
  const firedDelivery = deliveries.find(
    (d) => d.status === "firing" && (e.receiver === undefined || d.receiver === e.receiver),
  );
  const resolvedAt = episode?.endedAt ?? null;
  const resolvedDelivery = deliveries.find(
    (d) =>
      d.status === "resolved" &&
      resolvedAt !== null &&
      (e.receiver === undefined || d.receiver === e.receiver),
  );
  const observed: FiringObservation = {
    ...base,
    pendingAt: episode?.pendingAt ?? pendingOnly?.pendingAt ?? null,
    firingAt,
    deliveredAt: firedDelivery?.receivedAt ?? null,
    deliveredTo: [...new Set(deliveries.map((d) => d.receiver))],
    resolvedAt,
    resolvedDeliveredAt: resolvedDelivery?.receivedAt ?? null,
  };
  const at = (t: number) => `t=${formatSeconds(t)}`;
  const window = `expected firing by ${at(faultAt + within)} (within ${e.within} of the fault at ${at(faultAt)})`;

  if (before && (before.endedAt === null || before.endedAt > faultAt)) {
    return fail(
      `${who} was already firing at ${at(before.firingAt!)}, before the fault "${e.after}" at ${at(faultAt)}.`,
      observed,
    );
  }
  if (firingAt === null) {
    const seen = pendingOnly
      ? `it went pending at ${at(pendingOnly.pendingAt)} but never fired`
      : "it never went pending or firing";
    return fail(
      `${who} did not fire: ${window}; observed: ${seen} (observed until ${at(obs.end)}).`,
      observed,
    );
  }
  if (firingAt - faultAt > within) {
    return fail(
      `${who} fired too late: ${window}; observed: firing at ${at(firingAt)}, ${formatSeconds(firingAt - faultAt)} after the fault.`,
      observed,
    );
  }
  if (e.receiver !== undefined) {
    const wrong = observed.deliveredTo.filter((r) => r !== e.receiver);
    if (observed.deliveredAt === null) {
      const where = wrong.length
        ? `delivered to ${wrong.join(", ")} instead`
        : "no receiver got it";
      return fail(
        `${who} fired at ${at(firingAt)} but was not delivered to ${e.receiver}: ${where}.`,
        observed,
      );
    }
    if (wrong.length > 0) {
      return fail(
        `${who} was delivered to ${wrong.join(", ")} as well as ${e.receiver}.`,
        observed,
      );
    }
  }
  if (e.resolvesWithin !== undefined) {
    const resolveWithin = parseSeconds(e.resolvesWithin);
    if (healedAt === null) {
      return fail(
        `${who}: fault step "${e.after}" was never healed, so it cannot resolve.`,
        observed,
      );
    }
    const expected = `expected resolved by ${at(healedAt + resolveWithin)} (within ${e.resolvesWithin} of the heal at ${at(healedAt)})`;
    if (resolvedAt === null) {
      return fail(
        `${who} did not resolve: ${expected}; observed: still firing at ${at(obs.end)}.`,
        observed,
      );
    }
    if (resolvedAt < healedAt) {
      return fail(
        `${who} resolved at ${at(resolvedAt)}, before the heal at ${at(healedAt)}: ${expected}.`,
        observed,
      );
    }
    if (resolvedAt - healedAt > resolveWithin) {
      return fail(
        `${who} resolved too late: ${expected}; observed: resolved at ${at(resolvedAt)}, ${formatSeconds(resolvedAt - healedAt)} after the heal.`,
        observed,
      );
    }
    if (e.receiver !== undefined && observed.resolvedDeliveredAt === null) {
      return fail(
        `${who} resolved at ${at(resolvedAt)} but ${e.receiver} never got the resolved notification (observed until ${at(obs.end)}).`,
        observed,
      );
    }
  }
  return { state: "passed", expectation: e, title, observed };
}

function evaluateFiringWithin(
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
