import type { ScenarioResult, TuneDrillOutcome } from "../result/index.ts";

/** One drill's outcome for a tune value: its verdict, pages of the alert, and (fault drills) latency against the budget. */
export function tuneDrillOutcome(
  result: ScenarioResult,
  alert: string,
  role: "fault" | "noise",
): TuneDrillOutcome {
  const pages = result.deliveries.filter(
    (d) => d.status === "firing" && d.labels.alertname === alert,
  ).length;
  const firings = result.alerts.filter((a) => a.alertname === alert && a.firingAt !== null).length;
  const base = { scenario: result.name, role, pages, firings };
  if (result.state === "skipped") {
    return {
      ...base,
      state: "skipped",
      faultToFiring: null,
      faultToDelivered: null,
      budgetSeconds: null,
      note: result.skipReason ?? "skipped",
    };
  }
  if (role === "noise") {
    return {
      ...base,
      state: firings === 0 && pages === 0 ? "passed" : "failed",
      faultToFiring: null,
      faultToDelivered: null,
      budgetSeconds: null,
      ...(firings > 0 || pages > 0
        ? { note: `${alert} fired ${firings} time(s), paged ${pages} time(s)` }
        : {}),
    };
  }
  const fires = result.expectations.filter(
    (e) => e.expectation.kind === "fires" && e.expectation.alert === alert,
  );
  const failed = fires.find((e) => e.state === "failed");
  const late = fires.find((e) => e.latency?.deliveredWithinBudget === false);
  const latest = (pick: (l: NonNullable<(typeof fires)[number]["latency"]>) => number | null) => {
    const values = fires.map((e) => (e.latency ? pick(e.latency) : null));
    return values.some((v) => v === null) ? null : Math.max(...(values as number[]));
  };
  const budget = fires.find((e) => e.latency)?.latency?.budget.seconds ?? null;
  return {
    ...base,
    state: failed || late ? "failed" : "passed",
    faultToFiring: latest((l) => l.faultToFiring),
    faultToDelivered: latest((l) => l.faultToDelivered),
    budgetSeconds: budget,
    ...(failed && failed.state === "failed"
      ? { note: failed.message }
      : late
        ? { note: `paged after the ${budget}s budget` }
        : {}),
  };
}
