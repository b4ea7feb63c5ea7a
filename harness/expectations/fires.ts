import type { ExpectationResult, FiringObservation } from "../result/index.ts";
import { describeAlert, formatSeconds, matches } from "../runner/observations.ts";
import type { FiresExpectation } from "../scenario/types.ts";
import { checkAfter } from "./check-after.ts";
import type { ExpectationJudging, ExpectationKind } from "./expectation-kind.ts";

// The same alert instance: the same labels, whatever their order.
function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * A firing expectation: the alert fires within its window after the fault (not before it),
 * reaches exactly its receiver, and resolves within its window after the heal.
 */
function evaluateFires(e: FiresExpectation, judging: ExpectationJudging): ExpectationResult {
  const { observations: obs, parseSeconds } = judging;
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
  // This very instance's notifications, by the episode's exact labels: the expectation's labels
  // may match a group's other instances too, and those notify at other times.
  const deliveries = episode
    ? obs.deliveries.filter(
        (d) => matches(d, e.alert, episode.labels) && d.receivedAt >= episode.pendingAt,
      )
    : [];
  const toReceiver = deliveries.filter(
    (d) => e.receiver === undefined || d.receiver === e.receiver,
  );
  const firedDelivery = toReceiver.find((d) => d.status === "firing");
  const resolvedAt = episode?.endedAt ?? null;
  // Its own resolve's notification: not before it fired, nor before its first notification.
  const resolvedDelivery = toReceiver.find(
    (d) =>
      d.status === "resolved" &&
      resolvedAt !== null &&
      d.receivedAt >= (firedDelivery?.receivedAt ?? episode!.pendingAt) &&
      d.receivedAt >= firingAt!,
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
  // A live run sees the firing at a poll; it fired after the poll before. Late only if that
  // poll was already past the window (virtual time's firingAt is exact).
  const firedAfter = Math.min(episode!.firedAfter ?? firingAt, firingAt);
  if (firedAfter - faultAt > within) {
    const polls =
      firedAfter < firingAt ? ` (between the polls at ${at(firedAfter)} and ${at(firingAt)})` : "";
    return fail(
      `${who} fired too late: ${window}; observed: firing at ${at(firingAt)}${polls}, ${formatSeconds(firingAt - faultAt)} after the fault.`,
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
  const endedAt = episode?.endedAt ?? null;
  const again = mine.find(
    (a) =>
      a !== episode &&
      a.firingAt !== null &&
      endedAt !== null &&
      a.firingAt >= endedAt &&
      sameLabels(a.labels, episode!.labels),
  );
  if (again && endedAt !== null && !e.mayFireAgain) {
    return fail(
      `${who} flapped: it fired at ${at(firingAt)}, resolved at ${at(endedAt)} and fired again at ${at(again.firingAt!)}. If the fault comes and goes by design, say so with .mayFireAgain().`,
      observed,
    );
  }
  return { state: "passed", expectation: e, title, observed };
}

/** `expectAlert(x).firesWithin(window, { after })`, with `.deliveredTo` and `.resolvesWithin`. */
export const firesKind: ExpectationKind<FiresExpectation> = {
  kind: "fires",
  validate(e, check) {
    const step = checkAfter(e, check);
    if (e.resolvesWithin === undefined) return;
    check.duration(e.resolvesWithin, `${check.place}.resolvesWithin`);
    if (step.heal === undefined) {
      check.fail(
        `${check.place}.resolvesWithin`,
        `needs fault "${e.after}" to be healed; give it a heal time.`,
      );
    }
  },
  evaluate: evaluateFires,
  coverage: (e) => ({ claim: "fires", alert: e.alert }),
};
